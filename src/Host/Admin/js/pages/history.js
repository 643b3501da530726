import { get, query } from '../api.js';
import {
  definitions, field, form, h, input, instantOf, replace, section, table, text, when,
} from '../dom.js';

export default async function history(page, parameters) {
  const filters = {
    from: parameters.get('from'), to: parameters.get('to'), stream: parameters.get('stream'),
  };
  const events = await get(query('/api/history', filters));
  const asOf = h('div', { role: 'status', 'aria-live': 'polite' });

  page.append(
    section('Configuration as of an instant',
      form('Show the configuration as of an instant', [
        field('As of', 'at', h('input', { type: 'datetime-local', step: 1, required: true }),
          'The whole configuration as it stood then, rebuilt from its events (SPEC R16).'),
      ], 'Show', async (data) => {
        const at = instantOf(text(data, 'at'));
        showConfiguration(asOf, await get(query('/api/configuration', { at })));
      }),
      asOf),
    section('Changes',
      form('Filter the history', [
        field('From', 'from', h('input', { type: 'datetime-local', step: 1 })),
        field('To', 'to', h('input', { type: 'datetime-local', step: 1 })),
        field('Stream', 'stream', input({ value: filters.stream }),
          'The id of one alias domain, server, parameter or setting.'),
      ], 'Filter', async (data) => {
        const search = new URLSearchParams();
        for (const name of ['from', 'to']) {
          const instant = instantOf(text(data, name));
          if (instant) {
            search.set(name, instant);
          }
        }
        if (text(data, 'stream')) {
          search.set('stream', text(data, 'stream'));
        }
        window.location.hash = `#/history?${search}`;
      }),
      table('Configuration events, oldest first',
        ['#', 'At', 'Actor', 'Change', 'Stream', 'Data'],
        events.map((e) => [
          e.sequence, when(e.at), e.actor ?? '—', e.type.replaceAll('_', ' '),
          // Ids are version 7 UUIDs: their start is a time that neighbours share, their end is
          // what tells them apart.
          h('a', { href: `#/history?stream=${e.stream}`, title: e.stream,
            'aria-label': `Only stream ${e.stream}` }, `…${e.stream.slice(-12)}`),
          h('pre', {}, JSON.stringify(e.data, null, 1)),
        ]))));
}

function showConfiguration(area, configuration) {
  const domains = configuration.domains;
  const servers = configuration.servers;
  const dedicated = servers.servers.find((s) => s.id === servers.dedicatedMassMailingServerId);
  replace(area,
    h('h3', {}, `As of ${when(configuration.at)}`),
    definitions([
      ['Database domain', domains.databaseDomain],
      ...Object.entries(domains.parameters),
      ['Dedicated mass-mailing server', dedicated?.name ?? 'none'],
    ]),
    table('Alias domains then', ['Domain', 'Sequence', 'Bounce', 'Catchall', 'Notification'],
      domains.aliasDomains.map((d) => [d.domain, d.sequence, d.bounceAddress, d.catchallAddress,
        d.notificationAddress])),
    table('Companies then', ['Company', 'Alias domain'],
      domains.companies.map((c) => [c.name,
        domains.aliasDomains.find((d) => d.id === c.aliasDomainId)?.domain ?? c.aliasDomainId])),
    table('Servers then', ['Name', 'Host', 'FROM filter', 'Priority', 'Active'],
      servers.servers.map((s) => [s.name, `${s.host}:${s.port}`, s.fromFilter || 'none',
        s.priority, s.active ? 'yes' : 'no'])));
}
