import { get, patch, post, remove } from '../api.js';
import {
  badge, checkbox, clear, field, form, h, input, problemBox, replace, section, select,
  table, text, when,
} from '../dom.js';

// SPEC R5's order: active servers by priority (lower first), then name ignoring case, then
// creation; GET /api/servers answers in creation order, so a stable sort keeps that last tie.
export function routingOrder(servers) {
  return [...servers].sort((a, b) =>
    Number(b.active) - Number(a.active)
    || a.priority - b.priority
    || a.name.localeCompare(b.name, undefined, { sensitivity: 'accent' }));
}

export default async function servers(page) {
  const list = routingOrder(await get('/api/servers'));
  const editor = h('div', {});
  const result = h('div', { class: 'test-result', role: 'status', 'aria-live': 'polite' });
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));

  const rows = list.map((server, index) => [
    server.active ? index + 1 : '—',
    h('strong', {}, server.name),
    `${server.host}:${server.port}`,
    `${server.encryption}, ${server.authentication}`
      + (server.acceptInvalidCertificate ? ', accepts an invalid certificate' : '')
      + (server.hasPassword ? ', password set' : '')
      + (server.hasCertificate ? ', certificate set' : ''),
    server.fromFilter || h('em', {}, 'none'),
    server.priority,
    server.active ? badge('active') : badge('archived'),
    server.lastTest
      ? [server.lastTest.ok ? badge('ok') : badge(server.lastTest.failure ?? 'failed'),
        ' ', when(server.lastTest.at)]
      : '—',
    h('div', { class: 'row-actions' },
      h('button', {
        type: 'button',
        'aria-label': `Test connection of ${server.name}`,
        onclick: (event) => test(server, event.currentTarget, result),
      }, 'Test connection'),
      h('button', {
        type: 'button', class: 'secondary', 'aria-label': `Edit ${server.name}`,
        onclick: () => edit(editor, server, reload),
      }, 'Edit'),
      h('button', {
        type: 'button', class: 'secondary',
        'aria-label': `${server.active ? 'Archive' : 'Reactivate'} ${server.name}`,
        onclick: () => act(result, () =>
          patch(`/api/servers/${server.id}`, { active: !server.active }), reload),
      }, server.active ? 'Archive' : 'Reactivate'),
      h('button', {
        type: 'button', class: 'danger', 'aria-label': `Delete ${server.name}`,
        onclick: () => {
          if (window.confirm(`Delete ${server.name}? Its stored password or key is destroyed.`)) {
            act(result, () => remove(`/api/servers/${server.id}`), reload);
          }
        },
      }, 'Delete')),
  ]);

  page.append(
    section('Servers as routing sees them',
      h('p', {}, 'Active servers in the order SPEC R5 tries them; archived servers last. With '
        + 'no active server, the default server of the configuration carries the mail.'),
      table('Outgoing servers',
        ['Order', 'Name', 'Host', 'Connection', 'FROM filter', 'Priority', 'State', 'Last test',
          'Actions'],
        rows),
      result),
    section('Add or change a server', editor));
  edit(editor, null, reload);
}

async function act(result, action, reload) {
  clear(result);
  try {
    await action();
    reload();
  } catch (error) {
    result.append(h('div', { class: 'problem', role: 'alert' }, problemBox(error.problem)));
  }
}

async function test(server, button, result) {
  button.disabled = true;
  replace(result, h('p', {}, `Testing ${server.name}…`));
  try {
    const outcome = await post(`/api/servers/${server.id}/test`);
    replace(result, h('div', { class: outcome.ok ? 'success' : 'problem' },
      h('p', { class: 'problem-title' }, outcome.ok
        ? `Connection to ${server.name} succeeded`
        : `Connection to ${server.name} failed: ${outcome.failure}`),
      h('p', {}, outcome.message)));
  } catch (error) {
    replace(result, h('div', { class: 'problem' }, problemBox(error.problem)));
  } finally {
    button.disabled = false;
  }
}

function edit(editor, server, reload) {
  const authentication = select(
    [['login', 'Login (user name and password)'], ['certificate', 'Client certificate'],
      ['cli', 'Default server of the configuration (cli)']],
    server?.authentication ?? 'login');
  const secretHint = server ? 'Leave empty to keep what is stored; it is never shown.' : null;
  const certificateFields = h('div', {},
    field('Client certificate (PEM)', 'certificate', h('textarea', { rows: 4 }), secretHint),
    field('Private key (PEM)', 'privateKey', h('textarea', { rows: 4 }), secretHint));
  const showCertificate = () => {
    certificateFields.hidden = authentication.value !== 'certificate';
  };
  authentication.addEventListener('change', showCertificate);
  showCertificate();

  const title = server ? `Change ${server.name}` : 'Add a server';
  replace(editor,
    h('h3', {}, title),
    form(title, [
      field('Name', 'name', input({ value: server?.name, required: true })),
      field('Host', 'host', input({ value: server?.host, placeholder: 'smtp.example.com' })),
      field('Port', 'port', input({ value: server?.port ?? 587, inputmode: 'numeric' }),
        'Usually 465 (ssl), 587 (starttls) or 2525; port 25 is refused (SPEC R8).'),
      field('Encryption', 'encryption', select(
        [['starttls', 'STARTTLS'], ['ssl', 'SSL/TLS'], ['none', 'None']],
        server?.encryption ?? 'starttls')),
      field('Authentication', 'authentication', authentication),
      field('User name', 'username', input({ value: server?.username })),
      field('Password', 'password', input({ type: 'password', autocomplete: 'new-password' }),
        secretHint ?? (server?.hasPassword ? null : 'Stored encrypted, never shown again.')),
      certificateFields,
      field('FROM filter', 'fromFilter', input({ value: server?.fromFilter }),
        'Comma-separated domains and addresses this server may send from; empty allows all.'),
      field('Priority', 'priority', input({ value: server?.priority ?? 10, inputmode: 'numeric' }),
        'Lower is preferred.'),
      checkbox('Accept an invalid TLS certificate', 'acceptInvalidCertificate',
        server?.acceptInvalidCertificate ?? false,
        'Warning: only for a relay you control (self-signed or mismatched certificate). Mail '
        + 'stays encrypted, never in plain text, but whoever can intercept the connection can '
        + 'pose as this server. Needs STARTTLS or SSL/TLS; every such connection is logged.'),
      checkbox('Active', 'active', server?.active ?? true),
    ], server ? 'Save server' : 'Add server', async (data) => {
      const body = fields(data, server !== null);
      if (server) {
        await patch(`/api/servers/${server.id}`, body);
      } else {
        await post('/api/servers', body);
      }
      reload();
    }),
    server ? h('button', {
      type: 'button', class: 'secondary', onclick: () => edit(editor, null, reload),
    }, 'Add a new server instead') : null);
  if (server) {
    editor.querySelector('input')?.focus();
  }
}

// Secrets go out only when typed: an empty box keeps the stored one (API.md PATCH).
function fields(data, editing) {
  const number = (name) => {
    // A value that is no number goes as typed, so that the API's answer names the field.
    const value = text(data, name);
    return value === null || Number.isNaN(Number(value)) ? value : Number(value);
  };
  const body = {
    name: text(data, 'name'),
    host: text(data, 'host'),
    port: number('port'),
    encryption: data.get('encryption'),
    authentication: data.get('authentication'),
    username: text(data, 'username'),
    // Empty clears a filter being edited; a new server leaves it out, so that a cli server
    // gets the database domain as its filter (SPEC R7).
    fromFilter: editing ? String(data.get('fromFilter') ?? '') : text(data, 'fromFilter'),
    priority: number('priority'),
    active: data.get('active') !== null,
    acceptInvalidCertificate: data.get('acceptInvalidCertificate') !== null,
  };
  for (const secret of ['password', 'certificate', 'privateKey']) {
    const value = data.get(secret);
    if (typeof value === 'string' && value !== '') {
      body[secret] = value;
    }
  }
  return body;
}
