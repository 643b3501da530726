import { get, post } from '../api.js';
import {
  definitions, field, form, h, input, instantOf, replace, section, select, text,
} from '../dom.js';
import { routingOrder } from './servers.js';

export default async function routing(page) {
  const [configuration, servers] = await Promise.all([
    get('/api/configuration'),
    get('/api/servers'),
  ]);
  const companies = configuration.domains.companies.map((c) => [c.id, c.name]);
  const serverChoices = [['', 'Let routing choose']].concat(routingOrder(servers)
    .filter((s) => s.active)
    .map((s) => [s.id, s.name]));
  const answer = h('div', { role: 'status', 'aria-live': 'polite' });

  page.append(
    section('Which server and which From?',
      h('p', {}, 'Asks what routing decides for a sender, without sending anything.'),
      form('Preview a route', [
        field('Company', 'companyId', select(companies, companies[0]?.[0])),
        field('Sender (From)', 'from', input({ placeholder: '"Mary" <mary@customer.example>' }),
          'An address, with a display name or not; empty means the company\'s own address.'),
        field('Kind', 'kind', select(
          [['transactional', 'Transactional'], ['mass', 'Mass mail']], 'transactional')),
        field('Server', 'serverId', select(serverChoices, '')),
        field('As of', 'at', h('input', { type: 'datetime-local', step: 1 }),
          'Empty for now; a past instant asks what routing decided then (SPEC R16).'),
      ], 'Preview', async (data) => {
        const decision = await post('/api/routing/preview', {
          companyId: text(data, 'companyId'),
          from: text(data, 'from'),
          kind: data.get('kind'),
          serverId: text(data, 'serverId'),
          at: instantOf(text(data, 'at')),
        });
        show(answer, decision);
      })),
    section('Decision', answer));
}

export function show(answer, decision) {
  replace(answer,
    definitions([
      ['Server', decision.serverName + (decision.serverId ? '' : ' (default server)')],
      ['Rule', decision.rule],
      ['Header From', decision.headerFrom],
      ['Envelope From', decision.envelopeFrom],
      ['Reply-To', decision.replyTo],
    ]),
    h('p', { class: 'explanation' }, decision.explanation),
    decision.warnings?.length
      ? h('ul', { class: 'warnings', 'aria-label': 'Warnings' },
        decision.warnings.map((w) => h('li', {}, w)))
      : null);
}
