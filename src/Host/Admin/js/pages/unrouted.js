import { call, get, key } from '../api.js';
import { h, problemBox, section, table, when } from '../dom.js';

export default async function unrouted(page) {
  const list = await get('/api/inbound/unrouted?limit=200');
  const status = h('div', { role: 'status' });
  page.append(section('Mail that matched no thread',
    h('p', {}, 'Kept rather than dropped (SPEC R14), each with the reason it matched nothing.'),
    table('Unrouted inbound mail, newest first',
      ['Received', 'From', 'Subject', 'Reason', 'Size', ''],
      list.map((m) => [
        when(m.receivedAt), m.from ?? '—', m.subject || '—', m.reason, `${m.size} bytes`,
        h('button', {
          type: 'button', class: 'secondary',
          'aria-label': `Download the raw message ${m.subject || m.id}`,
          onclick: () => download(m, status),
        }, 'Download .eml'),
      ])),
    status));
}

// The raw route needs the key in a header, which a plain link cannot send.
async function download(message, status) {
  status.replaceChildren();
  try {
    const response = await fetch(`/api/inbound/unrouted/${message.id}/raw`, {
      headers: { Authorization: `Bearer ${key.get()}` }, cache: 'no-store', credentials: 'omit',
    });
    if (!response.ok) {
      await call('GET', `/api/inbound/unrouted/${message.id}/raw`);
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = h('a', { href: url, download: `${message.id}.eml` });
    link.click();
    URL.revokeObjectURL(url);
  } catch (error) {
    status.append(h('div', { class: 'problem' }, problemBox(error.problem)));
  }
}
