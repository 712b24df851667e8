// The append-only audit log: who did what, when, to which item, and why. Never message text.
import { api, ApiError, errorText, field, h, loadMe, mount, qs, renderHeader, timeEl } from './lib.js';

const main = document.getElementById('main');
const ACTIONS = [
  '', 'queue.claim', 'queue.release', 'queue.approve', 'queue.reject', 'queue.edit_approve', 'queue.escalate', 'queue.note', 'message.reveal',
  'sanction.warn', 'sanction.mute', 'sanction.suspend', 'policy.update', 'moderator.appoint', 'moderator.remove', 'clinician.verify', 'clinician.revoke',
  'user.role', 'community.create', 'room.create',
];
const PAGE = 100;

async function start() {
  const me = await loadMe();
  renderHeader(me, '/console/audit');
  document.getElementById('live-indicator')?.remove();
  if (!me.moderates) {
    mount(main, h('p', null, 'Only moderators and admins can read the audit log.'));
    return;
  }
  const communities = (await api('GET', '/api/communities')).filter((c) => me.isAdmin || c.membership?.role === 'moderator');
  const names = new Map(communities.map((c) => [c.id, c.name]));
  const community = h('select', { name: 'communityId' }, h('option', { value: '' }, me.isAdmin ? 'All communities' : 'All my communities'), communities.map((c) => h('option', { value: c.id }, c.name)));
  const action = h('select', { name: 'action' }, ACTIONS.map((a) => h('option', { value: a }, a || 'Any action')));
  const target = h('input', { name: 'targetId', placeholder: 'user, item or community id', maxlength: 64 });
  const tbody = h('tbody');
  const status = h('p', { class: 'muted', role: 'status' });
  const more = h('button', { type: 'button', class: 'btn', hidden: true }, 'Load older entries');
  let before;

  const load = async (append) => {
    try {
      const rows = await api('GET', `/api/audit${qs({ communityId: community.value, action: action.value, targetId: target.value.trim(), before: append ? before : undefined, limit: PAGE })}`);
      if (!append) tbody.replaceChildren();
      for (const r of rows) tbody.append(row(r, names));
      before = rows.at(-1)?.at;
      more.hidden = rows.length < PAGE;
      status.textContent = `${tbody.children.length} entries shown.`;
    } catch (err) {
      status.textContent = errorText(err);
    }
  };
  more.addEventListener('click', () => load(true));
  const form = h('form', { class: 'toolbar', 'aria-label': 'Audit filters', onsubmit: (e) => { e.preventDefault(); void load(false); } },
    field('Community', community), field('Action', action), field('Target id', target), h('button', { type: 'submit', class: 'btn btn-primary' }, 'Show'));
  community.addEventListener('change', () => load(false));
  action.addEventListener('change', () => load(false));
  mount(main,
    h('h1', null, 'Audit log'),
    h('p', { class: 'muted lede' }, 'Every decision, claim, reveal, sanction and policy change, newest first. Entries are append-only and never contain message text.'),
    form, status,
    h('div', { class: 'table-wrap' }, h('table', { class: 'data audit-table' },
      h('thead', null, h('tr', null, ['When', 'Who', 'Action', 'Target', 'Community', 'Reason', 'Details'].map((x) => h('th', { scope: 'col' }, x)))),
      tbody)),
    h('p', null, more));
  await load(false);
}

function row(r, names) {
  const data = Object.entries(r.data ?? {}).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' · ');
  return h('tr', null,
    h('td', null, timeEl(r.at)),
    h('td', null, r.actor?.handle ?? 'system'),
    h('td', { class: 'mono' }, r.action),
    h('td', { class: 'mono', title: r.targetId ?? '' }, `${r.targetType}:${String(r.targetId).slice(0, 8)}`),
    h('td', null, r.communityId ? names.get(r.communityId) ?? r.communityId.slice(0, 8) : '—'),
    h('td', null, r.reason ?? ''),
    h('td', { class: 'mono' }, data));
}

start().catch((err) => {
  if (err instanceof ApiError && err.status === 401) return;
  mount(main, h('p', { class: 'form-error' }, errorText(err)));
});
