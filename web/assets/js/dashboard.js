// Moderators' dashboard: queue depth over time, median time to decision, decisions by reason and action.
import { api, ApiError, errorText, field, h, loadMe, mount, qs, renderHeader } from './lib.js';
import { barChart, lineChart } from './chart.js';

const main = document.getElementById('main');
const REASON_LABELS = {
  privacy: 'Private details', misinformation: 'Misinformation', boundary: 'Medical advice', harassment: 'Harassment', spam: 'Spam',
  off_topic: 'Off topic', self_promotion: 'Self-promotion', crisis_handled: 'Crisis handled', other: 'Other', approve: 'Approved',
  edit_approve: 'Edited and approved', escalate: 'Escalated', reject: 'Rejected',
};
const label = (k) => REASON_LABELS[k] ?? k;

async function start() {
  const me = await loadMe();
  renderHeader(me, '/console/dashboard');
  document.getElementById('live-indicator')?.remove();
  if (!me.moderates) {
    mount(main, h('p', null, 'Only moderators can see the dashboard.'));
    return;
  }
  const communities = (await api('GET', '/api/communities')).filter((c) => me.isAdmin || c.membership?.role === 'moderator');
  const community = h('select', { name: 'communityId' }, h('option', { value: '' }, 'All my communities'), communities.map((c) => h('option', { value: c.id }, c.name)));
  const days = h('select', { name: 'days' }, [['1', 'Last 24 hours'], ['7', 'Last 7 days'], ['30', 'Last 30 days'], ['90', 'Last 90 days']].map(([v, l]) => h('option', { value: v, selected: v === '7' }, l)));
  const out = h('div', { 'aria-live': 'polite' });
  const load = async () => {
    try {
      render(out, await api('GET', `/api/stats${qs({ communityId: community.value, days: days.value })}`));
    } catch (err) {
      mount(out, h('p', { class: 'form-error' }, errorText(err)));
    }
  };
  community.addEventListener('change', load);
  days.addEventListener('change', load);
  mount(main,
    h('h1', null, 'Dashboard'),
    h('form', { class: 'toolbar', 'aria-label': 'Dashboard filters', onsubmit: (e) => e.preventDefault() }, field('Community', community), field('Period', days)),
    out);
  await load();
}

function render(out, stats) {
  const depth = stats.queueDepth.map((p) => ({ x: p.at, y: p.open }));
  const now = depth.at(-1)?.y ?? 0;
  const peak = Math.max(0, ...depth.map((p) => p.y));
  const short = stats.days <= 2;
  const fmt = new Intl.DateTimeFormat(undefined, short ? { hour: '2-digit', minute: '2-digit' } : { month: 'short', day: 'numeric' });
  const reasons = stats.decisionsByReason.map((r) => ({ label: label(r.reasonCode), value: r.n }));
  const actions = stats.decisionsByAction.map((r) => ({ label: label(r.decision), value: r.n }));
  mount(out,
    h('dl', { class: 'stat-cards' },
      h('div', { class: 'card stat' }, h('dt', null, 'Waiting now'), h('dd', { 'data-stat': 'open' }, String(now))),
      h('div', { class: 'card stat' }, h('dt', null, 'Median time to decision'), h('dd', { 'data-stat': 'median' }, stats.medianMinutesToDecision === null ? '—' : formatMinutes(stats.medianMinutesToDecision))),
      h('div', { class: 'card stat' }, h('dt', null, `Decisions (${stats.days} ${stats.days === 1 ? 'day' : 'days'})`), h('dd', { 'data-stat': 'decided' }, String(stats.decided ?? actions.reduce((a, b) => a + b.value, 0)))),
      h('div', { class: 'card stat' }, h('dt', null, 'Peak queue depth'), h('dd', null, String(peak)))),
    h('div', { class: 'charts' },
      h('section', { class: 'card chart', 'aria-labelledby': 'depth-h' },
        h('h2', { id: 'depth-h' }, 'Queue depth over time'),
        lineChart(depth, { label: `Items waiting for review over the last ${stats.days} days: now ${now}, peak ${peak}.`, formatX: (x) => fmt.format(new Date(x)) }),
        h('details', null, h('summary', null, 'Show as a table'), table(['Time', 'Waiting'], depth.filter((_, i) => i % Math.ceil(depth.length / 24 || 1) === 0).map((p) => [new Date(p.x).toLocaleString(), p.y])))),
      h('section', { class: 'card chart', 'aria-labelledby': 'reasons-h' },
        h('h2', { id: 'reasons-h' }, 'Decisions by reason'),
        reasons.length ? barChart(reasons, { label: `Decisions by reason: ${reasons.map((r) => `${r.label} ${r.value}`).join(', ')}.` }) : h('p', { class: 'muted' }, 'No decisions in this period.'),
        h('h2', null, 'Decisions by action'),
        actions.length ? table(['Action', 'Count'], actions.map((a) => [a.label, a.value])) : h('p', { class: 'muted' }, 'No decisions in this period.'))));
}

function formatMinutes(m) {
  if (m < 1) return `${Math.round(m * 60)} s`;
  if (m < 120) return `${Math.round(m)} min`;
  return `${(m / 60).toFixed(1)} h`;
}

function table(headers, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
    h('thead', null, h('tr', null, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', null, rows.map((r) => h('tr', null, r.map((c) => h('td', null, String(c))))))));
}

start().catch((err) => {
  if (err instanceof ApiError && err.status === 401) return;
  mount(main, h('p', { class: 'form-error' }, errorText(err)));
});
