import { get, post, put } from '../api.js';
import { definitions, field, form, h, input, section, table, text } from '../dom.js';

const fromFilterKey = 'mail.default.from_filter';

export default async function overview(page) {
  const [configuration, aliasDomains, parameter, usage] = await Promise.all([
    get('/api/configuration'),
    get('/api/alias-domains'),
    get(`/api/parameters/${fromFilterKey}`),
    get('/api/usage/daily'),
  ]);
  const domains = configuration.domains;
  const domainNames = new Map(aliasDomains.map((d) => [d.id, d.domain]));

  page.append(
    section('This database',
      definitions([
        ['Database domain', domains.databaseDomain],
        [`Default server FROM filter (${fromFilterKey})`,
          parameter.value === '' ? 'empty: every sender passes' : parameter.value],
        ['Sent through the default server today',
          `${usage.used} of ${usage.limit} (${usage.date})`],
      ]),
      meter(usage)),
    section('Alias domains',
      table('Alias domains, in the order new companies pick them',
        ['Domain', 'Sequence', 'Bounce address', 'Catchall address', 'Notification address'],
        aliasDomains.map((d) => [
          h('strong', {}, d.domain), d.sequence, d.bounceAddress, d.catchallAddress,
          d.notificationAddress,
        ])),
      h('h3', {}, 'Add an alias domain'),
      form('Add an alias domain', [
        field('Domain', 'domain', input({ required: true, placeholder: 'company-name.com' })),
        field('Bounce alias', 'bounceAlias', input({ placeholder: 'bounce' })),
        field('Catchall alias', 'catchallAlias', input({ placeholder: 'catchall' })),
        field('Default-from alias', 'defaultFrom', input({ placeholder: 'notifications' }),
          'A local part, or a whole address that every message of the domain then bears.'),
        field('Sequence', 'sequence', input({ inputmode: 'numeric', placeholder: '10' })),
      ], 'Add alias domain', async (data) => {
        const sequence = text(data, 'sequence');
        await post('/api/alias-domains', {
          domain: text(data, 'domain'),
          bounceAlias: text(data, 'bounceAlias'),
          catchallAlias: text(data, 'catchallAlias'),
          defaultFrom: text(data, 'defaultFrom'),
          sequence: sequence === null ? null : Number(sequence),
        });
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      })),
    section('Companies',
      table('Companies and the alias domain each uses',
        ['Company', 'Alias domain'],
        domains.companies.map((c) =>
          [c.name, domainNames.get(c.aliasDomainId) ?? c.aliasDomainId]))),
    section('Default server FROM filter',
      h('p', {}, 'Consulted only while no outgoing server is active (SPEC R5): a comma-separated '
        + 'list of domains and addresses; empty lets every sender through.'),
      form('Change the default server FROM filter', [
        field(fromFilterKey, 'value', input({ value: parameter.value })),
      ], 'Save filter', async (data) => {
        await put(`/api/parameters/${fromFilterKey}`, { value: String(data.get('value') ?? '') });
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      })));
}

function meter(usage) {
  const limit = Math.max(usage.limit, 1);
  return h('meter', {
    min: 0, max: limit, value: Math.min(usage.used, limit), high: limit * 0.8,
    'aria-label': 'Daily usage of the default server',
  });
}
