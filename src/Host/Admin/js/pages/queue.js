import { get, post, query } from '../api.js';
import {
  badge, definitions, field, form, h, input, problemBox, replace, section, select, table, text,
  when,
} from '../dom.js';

const states = ['queued', 'deferred', 'sent', 'failed', 'bounced'];
const settled = new Set(['sent', 'failed', 'bounced']);

export default async function queue(page, parameters) {
  const state = parameters.get('state') ?? '';
  const messages = await get(query('/api/messages', { state, limit: 200 }));
  const details = h('div', { id: 'message-details' });

  page.append(
    section('Messages',
      form('Filter the queue', [
        field('State', 'state', select(
          [['', 'Every state']].concat(states.map((s) => [s, s])), state)),
      ], 'Filter', async (data) => {
        window.location.hash = `#/queue?state=${encodeURIComponent(data.get('state') ?? '')}`;
      }),
      table('Outgoing messages, newest first',
        ['Queued', 'To', 'Header From', 'Server', 'State', 'Attempts', ''],
        messages.map((m) => [
          when(m.queuedAt),
          m.recipients.map((r) => r.address).join(', '),
          m.headerFrom ?? '—',
          m.serverName ?? '—',
          badge(m.state),
          m.attempts,
          h('a', { href: `#/queue?${new URLSearchParams({ state, id: m.id })}` }, 'Details'),
        ]))),
    section('Send a message', sendForm()),
    section('Message', details));

  const id = parameters.get('id');
  if (id) {
    await watch(details, id);
  }
}

function sendForm() {
  return form('Send a message', [
    field('From', 'from', input({ placeholder: 'mary@company-name.com' }),
      'Empty: the company\'s notification address.'),
    field('To', 'to', input({ required: true, placeholder: 'bob@example.com' }),
      'One or more addresses, separated by commas.'),
    field('Subject', 'subject', input({})),
    field('Text', 'text', h('textarea', { rows: 4 })),
    field('Kind', 'kind', select(
      [['transactional', 'Transactional'], ['mass', 'Mass mail']], 'transactional')),
  ], 'Send', async (data) => {
    const accepted = await post('/api/messages', {
      from: text(data, 'from'),
      to: (text(data, 'to') ?? '').split(',').map((a) => a.trim()).filter((a) => a !== ''),
      subject: text(data, 'subject'),
      text: text(data, 'text'),
      kind: data.get('kind'),
    });
    // The id goes into the address, so that a reload or a shared link shows the same message.
    window.location.hash = `#/queue?${new URLSearchParams({ id: accepted.id })}`;
  });
}

// Follows one message until it is settled, for at most a minute: the page shows its state as
// delivery moves it on, and the person can refresh later for a message retried afterwards.
async function watch(details, id) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    let message;
    let lifecycle;
    try {
      [message, lifecycle] = await Promise.all([
        get(`/api/messages/${id}`),
        get(`/api/messages/${id}/lifecycle`),
      ]);
    } catch (error) {
      replace(details,
        h('div', { class: 'problem', role: 'alert' }, problemBox(error.problem)));
      return;
    }
    show(details, message, lifecycle);
    if (settled.has(message.state) || Date.now() > deadline || !details.isConnected) {
      return;
    }
    await new Promise((resolve) => { setTimeout(resolve, 1000); });
  }
}

function show(details, message, lifecycle) {
  replace(details,
    h('p', { role: 'status', class: 'message-state' }, 'State: ', badge(message.state)),
    definitions([
      ['Id', message.id],
      ['Message-ID', message.messageId],
      ['Server', message.serverName],
      ['Routing rule', message.rule],
      ['Header From', message.headerFrom],
      ['Envelope From', message.envelopeFrom],
      ['Reply-To', message.replyTo],
      ['Attempts', message.attempts],
      ['Failure', message.failureType],
      ['Next attempt', message.nextAttemptAt ? when(message.nextAttemptAt) : null],
    ]),
    table('Recipients', ['Address', 'Kind', 'State', 'Server reply'],
      message.recipients.map((r) => [r.address, r.kind, badge(r.state), r.reply ?? '—'])),
    h('h3', {}, 'Lifecycle'),
    h('ol', { class: 'lifecycle' }, lifecycle.map((step) =>
      h('li', {}, h('strong', {}, step.type.replaceAll('_', ' ')), ' ', when(step.at),
        describe(step)))));
}

function describe(step) {
  const data = step.data;
  switch (step.type) {
    case 'message_routed':
      return h('p', {}, `${data.serverName}, rule ${data.rule}: ${data.explanation}`,
        data.warnings?.length ? ` Warnings: ${data.warnings.join(' ')}` : '');
    case 'message_dispatched':
      return h('p', {}, `Attempt ${data.attempt}: ${data.reply}`);
    case 'message_deferred':
      return h('p', {}, `Attempt ${data.attempt}: ${data.reason}${reply(data)}; `
        + `next try ${when(data.nextAttemptAt)}`);
    case 'message_failed':
      return h('p', {}, `Attempt ${data.attempt}: ${data.failureType}${reply(data)}`);
    case 'message_bounced':
      return h('p', {}, `${data.recipient}: ${data.status} ${data.diagnostic ?? ''}`);
    default:
      return null;
  }
}

function reply(data) {
  return data.reply ? `, ${data.reply}` : '';
}
