import { get, key, onUnauthorized } from './api.js';
import { replace, field, form, h, input, problemBox } from './dom.js';
import overview from './pages/overview.js';
import servers from './pages/servers.js';
import massMailing from './pages/mass-mailing.js';
import routing from './pages/routing.js';
import queue from './pages/queue.js';
import threads from './pages/threads.js';
import unrouted from './pages/unrouted.js';
import history from './pages/history.js';

const pages = {
  overview: { title: 'Mail settings', render: overview },
  servers: { title: 'Outgoing servers', render: servers },
  'mass-mailing': { title: 'Mass mailing', render: massMailing },
  routing: { title: 'Routing preview', render: routing },
  queue: { title: 'Outgoing queue', render: queue },
  threads: { title: 'Threads', render: threads },
  unrouted: { title: 'Unrouted mail', render: unrouted },
  history: { title: 'Configuration history', render: history },
};

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');

function location() {
  const [path, search] = window.location.hash.replace(/^#\/?/, '').split('?');
  return { name: pages[path] ? path : 'overview', parameters: new URLSearchParams(search) };
}

function signIn(problem) {
  nav.hidden = true;
  signOut.hidden = true;
  document.title = 'Sign in · NightPOS Mail';
  const keyInput = input({ type: 'password', autocomplete: 'off', required: true });
  const view = h('div', { class: 'sign-in' },
    h('h1', { tabindex: '-1' }, 'Sign in'),
    h('p', {}, 'Enter one of the installation\'s API keys (NightPos:Auth). It is kept in this '
      + 'tab only, until you sign out or close it.'),
    problem ? problemBox(problem) : null,
    form('Sign in', field('API key', 'key', keyInput), 'Sign in', async (data) => {
      key.set(String(data.get('key') ?? '').trim());
      keyInput.value = '';
      try {
        // Every role may read usage: this checks the key without changing anything.
        await get('/api/usage/daily');
      } catch (error) {
        key.clear();
        throw error;
      }
      await render();
    }));
  replace(main, view);
  view.querySelector('h1').focus();
}

async function render() {
  if (!key.get()) {
    signIn();
    return;
  }

  nav.hidden = false;
  signOut.hidden = false;
  const { name, parameters } = location();
  const page = pages[name];
  for (const link of nav.querySelectorAll('a')) {
    if (link.getAttribute('href') === `#/${name}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.title = `${page.title} · NightPOS Mail`;

  const heading = h('h1', { tabindex: '-1' }, page.title);
  const body = h('div', { class: 'page', 'aria-busy': 'true' });
  replace(main, heading, body);
  heading.focus();
  try {
    await page.render(body, parameters);
  } catch (error) {
    body.append(h('div', { class: 'problem', role: 'alert' }, problemBox(error.problem ?? {
      title: 'This page could not be shown', detail: String(error),
    })));
  } finally {
    body.setAttribute('aria-busy', 'false');
  }
}

onUnauthorized((problem) => {
  key.clear();
  signIn(problem);
});

signOut.addEventListener('click', () => {
  key.clear();
  signIn();
});

window.addEventListener('hashchange', render);
render();
