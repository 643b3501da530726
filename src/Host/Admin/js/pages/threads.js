import { get } from '../api.js';
import { badge, definitions, h, section, table, when } from '../dom.js';

export default async function threads(page, parameters) {
  const list = await get('/api/threads?limit=200');
  page.append(section('Threads',
    table('Threads, newest first', ['Opened', 'Record', 'Subject', 'Posts', ''],
      list.map((t) => [
        when(t.openedAt), `${t.model} ${t.recordId}`, t.subject, t.postCount,
        h('a', { href: `#/threads?id=${t.id}` }, 'Open'),
      ]))));

  const id = parameters.get('id');
  if (id) {
    page.append(thread(await get(`/api/threads/${id}`)));
  }
}

function thread(t) {
  // A notification names only the address it went to; the follower list has the name, as
  // long as that follower still follows.
  const names = new Map(t.followers.filter((f) => f.name).map((f) => [f.email, f.name]));
  const recipient = (email) => (names.has(email) ? `${names.get(email)} <${email}>` : email);
  return section(`Thread ${t.model} ${t.recordId}`,
    definitions([
      ['Subject', t.subject], ['Opened', when(t.openedAt)], ['Root Message-ID', t.messageId],
    ]),
    table('Followers', ['Name', 'Email', 'Subtypes', 'Preference'],
      t.followers.map((f) => [f.name ?? '—', f.email, f.subtypes.join(', '),
        f.userPreference ?? 'email (contact)'])),
    h('h3', {}, 'Messages'),
    t.messages.length === 0 ? h('p', {}, 'No message posted yet.') : h('ol', { class: 'posts' },
      t.messages.map((m) => h('li', {},
        h('article', { 'aria-label': `Message of ${m.authorName}` },
          h('p', { class: 'post-meta' }, h('strong', {}, m.authorName), ` <${m.authorEmail}>, `,
            when(m.at), `, ${m.subtype}, ${m.origin}`),
          h('p', { class: 'post-body' }, m.body),
          table('Notifications', ['To', 'Channel', 'State', 'Delivery'],
            m.notifications.map((n) => [
              recipient(n.email), n.channel, badge(n.state),
              n.dispatchId ? h('a', { href: `#/queue?id=${n.dispatchId}` }, 'Message')
                : n.refusal ?? '—',
            ])))))));
}
