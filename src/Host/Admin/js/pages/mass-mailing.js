import { get, put } from '../api.js';
import { field, form, h, section, select } from '../dom.js';
import { routingOrder } from './servers.js';

export default async function massMailing(page) {
  const [settings, servers] = await Promise.all([
    get('/api/settings/mass-mailing'),
    get('/api/servers'),
  ]);
  const current = settings.dedicatedServerId ?? '';
  const choices = [['', 'None: mass mail is routed like transactional mail']]
    .concat(routingOrder(servers)
      .filter((s) => s.active || s.id === current)
      .map((s) => [s.id, `${s.name} (${s.host}:${s.port})${s.active ? '' : ', archived'}`]));
  const status = h('p', { role: 'status', class: 'status' });

  page.append(section('Dedicated server',
    h('p', {}, 'Mass mail (campaigns, batch sends) goes through this server when one is chosen '
      + '(SPEC R6, rule "dedicated"); a message that names a server explicitly still wins.'),
    form('Choose the mass-mailing server', [
      field('Dedicated mass-mailing server', 'dedicatedServerId',
        select(choices, current)),
    ], 'Save', async (data) => {
      const id = String(data.get('dedicatedServerId') ?? '');
      await put('/api/settings/mass-mailing', { dedicatedServerId: id === '' ? null : id });
      status.textContent = id === '' ? 'Mass mail now follows normal routing.'
        : `Mass mail now goes through ${choices.find(([value]) => value === id)?.[1]}.`;
    }),
    status));
}
