// Moderator console: the review queue with filters, counts and live updates; the item view
// with highlighted findings, context, author history and notes; decisions, bulk decisions,
// sanctions and audited reveal. Every action has a key (press ? to see them).
import { ago, announce, api, ApiError, authorLine, errorText, field, fmtTime, h, isTyping, Live, loadMe, mount, qs, renderHeader, statusChip, timeEl } from './lib.js';
import { category, findingItem, findingLabel, highlight, scoreEl, suggestedReason } from './findings.js';

const REJECT_REASONS = [
  ['privacy', 'Private details'], ['misinformation', 'Health misinformation'], ['boundary', 'Individual medical advice'],
  ['harassment', 'Harassment or hostility'], ['spam', 'Spam or advertising'], ['off_topic', 'Off topic'],
  ['self_promotion', 'Self-promotion'], ['crisis_handled', 'Crisis handled privately'], ['other', 'Other community rule'],
];
const AGES = [['', 'Any age'], ['15', 'Older than 15 min'], ['60', 'Older than 1 hour'], ['240', 'Older than 4 hours'], ['1440', 'Older than 1 day']];
const REASON_FILTERS = [
  ['', 'Any reason'], ['CRISIS', 'Crisis'], ['MISINFO', 'Misinformation'], ['BOUNDARY', 'Clinician boundary'], ['WORD_LIST', 'Word list'],
  ['REPORT', 'Member reports'], ['NEW_MEMBER', 'New member'], ['RATE_LIMIT', 'Rate limit'], ['PHONE', 'Phone number'], ['EMAIL', 'Email'], ['NAME', 'Name'],
];
const KEYS = [
  ['j / k', 'Next / previous item'], ['c', 'Claim the item (renews your claim)'], ['C', 'Release your claim'], ['a', 'Approve'],
  ['r', 'Reject with a reason'], ['e', 'Edit and approve (select text first to redact it)'], ['Alt+X', 'In the editor: redact the selection'],
  ['Ctrl+Enter', 'In the editor: save and approve'], ['!', 'Escalate'], ['n', 'Add a note'], ['s', 'Sanction the author'],
  ['v', 'Reveal the original (audited)'], ['x', 'Select for bulk approve / reject'], ['?', 'Show these keys'], ['Esc', 'Close the open panel'],
];

const main = document.getElementById('main');
const params = new URLSearchParams(location.search);
const state = {
  me: null,
  communities: [],
  names: new Map(),
  filters: { communityId: params.get('community') ?? '', status: 'all', reason: '', olderThanMinutes: '', urgent: false, sort: 'priority' },
  items: [],
  counts: null,
  selectedId: params.get('item'),
  checked: new Set(),
  detail: null,
  revealed: null,
  panel: null,
  busy: false,
};
const ui = {};
let live;

async function start() {
  state.me = await loadMe();
  renderHeader(state.me, '/console');
  if (!state.me.moderates) {
    mount(main, h('div', { class: 'card' }, h('h1', null, 'Review queue'), h('p', null, 'Only moderators can see the review queue.'), h('p', null, h('a', { href: '/' }, 'Go to your communities'))));
    return;
  }
  const all = await api('GET', '/api/communities');
  state.communities = state.me.isAdmin ? all : all.filter((c) => c.membership?.role === 'moderator');
  for (const c of all) state.names.set(c.id, c.name);
  if (state.filters.communityId && !state.communities.some((c) => c.id === state.filters.communityId || c.slug === state.filters.communityId)) state.filters.communityId = '';
  const bySlug = state.communities.find((c) => c.slug === state.filters.communityId);
  if (bySlug) state.filters.communityId = bySlug.id;
  layout();
  live = new Live();
  live.on('queue.changed', onQueueChanged);
  live.on('crisis.alert', onCrisisAlert);
  live.on('ready', () => reloadList());
  document.addEventListener('keydown', onKey);
  await reloadList();
  if (state.selectedId) await select(state.selectedId, { focus: false });
}

// ---------------------------------------------------------------- layout
function layout() {
  const filterChange = () => {
    const f = state.filters;
    f.communityId = ui.community.value;
    f.status = ui.status.value;
    f.reason = ui.reason.value;
    f.olderThanMinutes = ui.age.value;
    f.sort = ui.sort.value;
    f.urgent = ui.urgent.checked;
    syncUrl();
    void reloadList();
  };
  ui.community = h('select', { name: 'community', onchange: filterChange },
    h('option', { value: '' }, 'All my communities'), state.communities.map((c) => h('option', { value: c.id, selected: c.id === state.filters.communityId }, c.name)));
  ui.status = h('select', { name: 'status', onchange: filterChange }, [['all', 'Open and escalated'], ['open', 'Open'], ['escalated', 'Escalated']].map(([v, l]) => h('option', { value: v }, l)));
  ui.reason = h('select', { name: 'reason', onchange: filterChange }, REASON_FILTERS.map(([v, l]) => h('option', { value: v }, l)));
  ui.age = h('select', { name: 'age', onchange: filterChange }, AGES.map(([v, l]) => h('option', { value: v }, l)));
  ui.sort = h('select', { name: 'sort', onchange: filterChange }, [['priority', 'Urgent, then riskiest'], ['oldest', 'Oldest first']].map(([v, l]) => h('option', { value: v }, l)));
  ui.urgent = h('input', { type: 'checkbox', name: 'urgent', onchange: filterChange });
  ui.counts = h('ul', { class: 'counts', 'aria-label': 'Queue counts' });
  ui.list = h('ul', { class: 'queue-list', 'aria-label': 'Items to review' });
  ui.bulkCount = h('span', null, '0 selected');
  ui.bulkReason = h('select', { 'aria-label': 'Reason for rejecting the selected items' }, REJECT_REASONS.map(([v, l]) => h('option', { value: v }, l)));
  ui.selectAll = h('input', {
    type: 'checkbox', 'aria-label': 'Select all items shown',
    onchange: () => {
      state.checked = ui.selectAll.checked ? new Set(state.items.map((i) => i.id)) : new Set();
      renderList();
    },
  });
  ui.bulkApprove = h('button', { type: 'button', class: 'btn btn-small', disabled: true, onclick: () => bulk('approve') }, 'Approve selected');
  ui.bulkReject = h('button', { type: 'button', class: 'btn btn-small', disabled: true, onclick: () => bulk('reject') }, 'Reject selected');
  ui.alerts = h('div', { class: 'alerts' });
  ui.pane = h('section', { class: 'item-pane', 'aria-label': 'Selected item' }, h('div', { class: 'card item-empty' }, h('p', null, 'Select an item to review it.'), h('p', null, 'Press ', h('kbd', null, 'j'), ' to start, ', h('kbd', null, '?'), ' for all keys.')));
  ui.help = h('dialog', { 'aria-labelledby': 'keys-h' },
    h('h2', { id: 'keys-h' }, 'Keyboard shortcuts'),
    h('table', { class: 'keys' }, h('tbody', null, KEYS.map(([k, d]) => h('tr', null, h('td', null, h('kbd', null, k)), h('td', null, d))))),
    h('form', { method: 'dialog' }, h('button', { class: 'btn', type: 'submit' }, 'Close')));

  mount(main,
    ui.alerts,
    h('div', { class: 'console' },
      h('section', { class: 'queue-pane', 'aria-labelledby': 'queue-h' },
        h('div', { class: 'item-head' }, h('h1', { id: 'queue-h' }, 'Review queue'),
          h('button', { type: 'button', class: 'btn btn-small btn-quiet', onclick: () => ui.help.showModal(), 'aria-keyshortcuts': '?' }, 'Keys ', h('kbd', null, '?'))),
        ui.counts,
        h('details', { class: 'filters-box card', open: window.matchMedia('(min-width: 701px)').matches },
          h('summary', null, 'Filters'),
          h('form', { class: 'filters', 'aria-label': 'Filters', onsubmit: (e) => e.preventDefault() },
            field('Community', ui.community), field('Status', ui.status), field('Reason', ui.reason), field('Age', ui.age), field('Order', ui.sort),
            h('div', { class: 'field field-inline' }, ui.urgent, h('label', { for: (ui.urgent.id = 'f-urgent') }, 'Urgent only')))),
        h('div', { class: 'bulkbar', role: 'group', 'aria-label': 'Bulk decisions' }, ui.selectAll, ui.bulkCount, ui.bulkApprove, ui.bulkReason, ui.bulkReject),
        ui.list),
      ui.pane),
    ui.help);
}

function syncUrl() {
  const p = new URLSearchParams();
  if (state.filters.communityId) p.set('community', state.filters.communityId);
  if (state.selectedId) p.set('item', state.selectedId);
  const s = p.toString();
  history.replaceState(null, '', `/console${s ? `?${s}` : ''}`);
}

// ---------------------------------------------------------------- queue list
let reloadTimer;
function scheduleReload() {
  clearTimeout(reloadTimer);
  reloadTimer = setTimeout(() => void reloadList(), 120);
}

async function reloadList() {
  const f = state.filters;
  try {
    const data = await api('GET', `/api/queue${qs({ communityId: f.communityId, status: f.status, reason: f.reason, olderThanMinutes: f.olderThanMinutes, urgent: f.urgent ? 'true' : '', sort: f.sort, limit: 100 })}`);
    state.items = data.items;
    state.counts = data.counts;
    for (const id of [...state.checked]) if (!data.items.some((i) => i.id === id)) state.checked.delete(id);
    renderList();
  } catch (err) {
    mount(ui.list, h('li', { class: 'form-error' }, errorText(err)));
  }
}

function renderList() {
  const c = state.filters.communityId ? state.counts?.byCommunity?.[state.filters.communityId] ?? { open: 0, escalated: 0, urgent: 0 } : state.counts?.total ?? { open: 0, escalated: 0, urgent: 0 };
  mount(ui.counts,
    h('li', null, h('strong', null, String(c.open)), ' open'),
    h('li', null, h('strong', null, String(c.escalated)), ' escalated'),
    h('li', { class: c.urgent ? 'urgent-count' : '' }, h('strong', null, String(c.urgent)), ' urgent'),
    h('li', null, h('strong', null, String(state.items.length)), ' shown'));
  if (state.items.length === 0) {
    mount(ui.list, h('li', { class: 'list-empty muted' }, 'Nothing to review. New items appear here live.'));
  } else {
    mount(ui.list, state.items.map(rowEl));
  }
  ui.bulkCount.textContent = `${state.checked.size} selected`;
  ui.bulkApprove.disabled = ui.bulkReject.disabled = state.checked.size === 0;
  ui.selectAll.checked = state.items.length > 0 && state.checked.size === state.items.length;
}

function excerpt(message) {
  const text = message.title ? `${message.title} — ${message.body}` : message.body;
  return text.length > 180 ? `${text.slice(0, 180)}…` : text || '(no text)';
}

function claimText(claim) {
  if (!claim) return null;
  return claim.byId === state.me.id ? 'Claimed by you' : `Claimed by ${claim.by}`;
}

function rowEl(item) {
  const selected = item.id === state.selectedId;
  const checkbox = h('input', {
    type: 'checkbox', checked: state.checked.has(item.id), 'aria-label': `Select for bulk: ${excerpt(item.message).slice(0, 60)}`,
    onchange: (e) => {
      if (e.target.checked) state.checked.add(item.id);
      else state.checked.delete(item.id);
      renderList();
    },
  });
  const open = h('button', {
    type: 'button', class: 'row-open', 'data-item': item.id, ...(selected ? { 'aria-current': 'true' } : {}),
    onclick: () => void select(item.id, { focus: false }),
  },
  h('span', { class: 'excerpt' }, excerpt(item.message)),
  h('span', { class: 'row-meta' },
    item.urgent ? h('span', { class: 'chip chip-urgent' }, 'Urgent') : null,
    item.status === 'escalated' ? h('span', { class: 'chip chip-held' }, 'Escalated') : null,
    item.source === 'report' ? h('span', { class: 'chip chip-rejected' }, 'Reported') : null,
    item.reasons.slice(0, 3).map((r) => h('span', { class: 'reason-tag' }, r)),
    h('span', null, item.message.author.handle),
    h('span', null, ago(item.createdAt)),
    state.communities.length > 1 ? h('span', null, state.names.get(item.communityId) ?? '') : null,
    item.claim ? h('span', { class: `claim-tag${item.claim.byId === state.me.id ? ' mine' : ''}` }, claimText(item.claim)) : null));
  return h('li', { class: `queue-row${selected ? ' selected' : ''}${item.urgent ? ' urgent' : ''}`, 'data-id': item.id }, checkbox, open);
}

function move(delta) {
  if (state.items.length === 0) return;
  const index = state.items.findIndex((i) => i.id === state.selectedId);
  const next = index === -1 ? (delta > 0 ? 0 : state.items.length - 1) : Math.min(state.items.length - 1, Math.max(0, index + delta));
  void select(state.items[next].id, { focus: true });
}

function toggleChecked() {
  if (!state.selectedId) return;
  if (state.checked.has(state.selectedId)) state.checked.delete(state.selectedId);
  else state.checked.add(state.selectedId);
  renderList();
  focusRow();
}

function focusRow() {
  ui.list.querySelector(`button[data-item="${CSS.escape(state.selectedId ?? '')}"]`)?.focus();
}

async function bulk(action) {
  const itemIds = [...state.checked];
  if (itemIds.length === 0) return;
  try {
    const { results } = await api('POST', '/api/queue/bulk', action === 'approve' ? { itemIds, action } : { itemIds, action, reasonCode: ui.bulkReason.value });
    const ok = results.filter((r) => r.ok).length;
    const failed = results.filter((r) => !r.ok);
    const why = [...new Set(failed.map((r) => ({ CLAIMED_BY_OTHER: 'claimed by another moderator', ALREADY_DECIDED: 'already decided' }[r.code] ?? r.code)))].join(', ');
    announce(`${ok} ${action === 'approve' ? 'approved' : 'rejected'}${failed.length ? `, ${failed.length} skipped (${why})` : ''}.`, { tone: failed.length ? 'warn' : 'ok' });
    state.checked.clear();
    if (results.some((r) => r.ok && r.id === state.selectedId)) state.detail = null;
    await reloadList();
    if (state.selectedId) await loadDetail();
  } catch (err) {
    announce(errorText(err), { tone: 'warn' });
  }
}

// ---------------------------------------------------------------- live
function onQueueChanged(e) {
  scheduleReload();
  const item = e.item ?? {};
  if (e.change === 'added') announce(item.urgent ? 'An urgent item arrived in the queue.' : 'A new item arrived in the queue.', { tone: item.urgent ? 'warn' : 'info' });
  if (e.change === 'reported') announce('A member reported a message.', { tone: 'info' });
  if (item.id && item.id === state.selectedId && !state.busy) {
    if (e.change === 'claimed' && item.claimedBy && item.claimedBy !== state.me.handle) announce(`${item.claimedBy} is now working on this item.`, { tone: 'warn' });
    if (e.change === 'decided' && !state.busy) announce('Another moderator decided this item.', { tone: 'warn' });
    void loadDetail();
  }
}

function onCrisisAlert(e) {
  const banner = h('div', { class: 'alert-banner', role: 'alert' },
    h('span', null, `Crisis message in ${state.names.get(e.communityId) ?? 'a community'}${e.kinds?.length ? ` (${e.kinds.filter(Boolean).join(', ').replace(/_/g, ' ')})` : ''}. It is at the top of the queue.`),
    h('button', { type: 'button', class: 'btn btn-small', onclick: () => banner.remove() }, 'Dismiss'));
  ui.alerts.prepend(banner);
  scheduleReload();
}

// ---------------------------------------------------------------- item view
async function select(id, { focus }) {
  if (state.selectedId !== id) {
    state.revealed = null;
    state.panel = null;
  }
  state.selectedId = id;
  syncUrl();
  renderList();
  if (focus) focusRow();
  await loadDetail();
}

async function loadDetail() {
  const id = state.selectedId;
  if (!id) return;
  try {
    const detail = await api('GET', `/api/queue/${encodeURIComponent(id)}`);
    if (id !== state.selectedId) return;
    state.detail = detail;
    renderDetail();
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) {
      state.detail = null;
      mount(ui.pane, h('div', { class: 'card item-empty' }, h('p', null, 'This item is no longer in your queue.')));
      return;
    }
    mount(ui.pane, h('div', { class: 'card' }, h('p', { class: 'form-error' }, errorText(err))));
  }
}

function mine(detail = state.detail) {
  return detail?.claim && detail.claim.byId === state.me.id && detail.claim.expiresAt > Date.now();
}

function renderDetail() {
  const d = state.detail;
  if (!d) return;
  const decided = d.status === 'decided';
  const held = d.claim && !mine(d);
  const claimBox = h('div', { class: 'claim-box', role: 'status' },
    decided ? h('span', null, `Decided: ${d.decision}${d.reasonCode ? ` (${d.reasonCode})` : ''}${d.decidedAt ? ` at ${fmtTime(d.decidedAt)}` : ''}`)
      : mine(d) ? [h('span', { class: 'claim-tag mine' }, `Claimed by you until ${fmtTime(d.claim.expiresAt)}`),
        h('button', { type: 'button', class: 'btn btn-small', onclick: release, 'aria-keyshortcuts': 'Shift+C' }, 'Release')]
        : held ? h('span', { class: 'claim-tag' }, `${d.claim.by} is working on this until ${fmtTime(d.claim.expiresAt)}`)
          : [h('span', { class: 'muted' }, 'Nobody has claimed this item.'),
            h('button', { type: 'button', class: 'btn btn-primary btn-small', onclick: () => void claim(), 'aria-keyshortcuts': 'c' }, 'Claim ', h('kbd', null, 'c'))]);

  const action = (label, key, fn, cls = 'btn') => h('button', { type: 'button', class: cls, onclick: fn, disabled: decided || held, 'aria-keyshortcuts': key }, label, ' ', h('kbd', null, key));
  const actions = h('div', { class: 'actions', role: 'group', 'aria-label': 'Decision' },
    action('Approve', 'a', () => void approve(), 'btn btn-ok'),
    action('Reject…', 'r', () => openPanel('reject'), 'btn btn-bad'),
    action('Edit and approve…', 'e', () => openEditor()),
    action('Escalate', '!', () => void escalate()),
    h('button', { type: 'button', class: 'btn', onclick: () => openPanel('note'), 'aria-keyshortcuts': 'n' }, 'Note… ', h('kbd', null, 'n')),
    h('button', { type: 'button', class: 'btn', onclick: () => openPanel('sanction'), 'aria-keyshortcuts': 's' }, 'Sanction author… ', h('kbd', null, 's')),
    d.originalAvailable && !state.revealed ? action('Reveal original…', 'v', () => openPanel('reveal')) : null);

  const top = h('div', { class: 'item-top' },
    h('div', { class: 'item-head' },
      h('h2', { id: 'item-h' }, d.source === 'report' ? 'Reported message' : 'Held message',
        ' ', d.urgent ? h('span', { class: 'chip chip-urgent' }, 'Urgent') : null,
        ' ', d.status === 'escalated' ? h('span', { class: 'chip chip-held' }, 'Escalated') : null),
      claimBox),
    h('p', { class: 'muted' }, `${state.names.get(d.communityId) ?? ''} · ${d.message.roomId ? 'chat' : 'forum'} · queued ${ago(d.createdAt)} · risk `, scoreEl(d.risk),
      d.message.moderationMs !== undefined ? ` · checked in ${Math.round(d.message.moderationMs)} ms` : ''),
    actions);
  const grid = h('div', { class: 'item-grid' },
    h('div', null, messagePanel(d), findingsPanel(d), contextPanel(d)),
    h('div', null, historyPanel(d), reportsPanel(d), notesPanel(d)));
  if (decided) state.panel = null;
  const panelKey = `${d.id}:${state.panel}`;
  if (state.panel && ui.panelKey === panelKey && ui.top?.isConnected && !state.panelFocus) {
    // A live refresh while a panel is open: keep the panel (its text, selection and focus) as it is.
    ui.top.replaceWith(top);
    ui.grid.replaceWith(grid);
  } else {
    mount(ui.pane, h('article', { class: 'card item', 'data-item': d.id }, top, h('div', { id: 'panel' }, panelEl()), grid));
  }
  ui.top = top;
  ui.grid = grid;
  ui.panelKey = panelKey;
  if (state.panelFocus) {
    const el = ui.pane.querySelector(state.panelFocus);
    state.panelFocus = null;
    el?.focus();
  }
}

/** Spans on the text on screen: the redacted body (bodyStart/bodyEnd), or the original after a reveal. */
function spansFor(findings, { title, revealed, redacted }) {
  return findings.map((f, i) => ({ f, n: i + 1 }))
    .filter(({ f }) => (f.detail?.field === 'title') === title)
    .map(({ f, n }) => {
      let start = f.start;
      let end = f.end;
      if (!revealed && !title) {
        if (f.bodyStart !== undefined) { start = f.bodyStart; end = f.bodyEnd; } else if (redacted) { start = 0; end = 0; }
      }
      if (!revealed && title && redacted) { start = 0; end = 0; }
      return { start, end, n, cat: category(f), label: findingLabel(f) };
    });
}

function messagePanel(d) {
  const m = d.message;
  const revealed = state.revealed;
  const text = revealed ? revealed.text : m.body;
  const title = revealed ? revealed.title : m.title;
  const findings = d.findings;
  return h('section', { class: 'panel item-message', 'aria-labelledby': 'msg-h' },
    h('h3', { id: 'msg-h' }, revealed ? 'Original message (revealed)' : 'Message'),
    revealed ? h('p', { class: 'original-note' }, 'Shown to you only. This reveal is recorded in the audit log. ',
      h('button', { type: 'button', class: 'btn btn-link', onclick: () => { state.revealed = null; renderDetail(); } }, 'Hide the original')) : null,
    h('div', { class: 'msg' },
      h('header', { class: 'msg-head' }, authorLine(m.author), timeEl(m.createdAt)),
      title ? h('h4', { class: 'msg-title' }, highlight(title, spansFor(findings, { title: true, revealed: Boolean(revealed), redacted: m.redacted }))) : null,
      h('p', { class: 'msg-body', id: 'item-body' }, highlight(text, spansFor(findings, { title: false, revealed: Boolean(revealed), redacted: m.redacted }))),
      m.notes?.length ? h('ul', { class: 'msg-notes' }, m.notes.map((n) => h('li', null, n))) : null,
      h('p', { class: 'hint' }, statusChip(m.status), m.redacted && !revealed ? ' Details were hidden before anyone saw this message.' : '')),
    m.reason ? h('p', { class: 'hint' }, h('strong', null, 'The author was told: '), m.reason) : null);
}

function findingsPanel(d) {
  const revealed = Boolean(state.revealed);
  return h('section', { class: 'panel', 'aria-labelledby': 'findings-h' },
    h('h3', { id: 'findings-h' }, `Findings (${d.findings.length})`),
    d.findings.length === 0 ? h('p', { class: 'muted' }, d.source === 'report' ? 'No automatic findings: this item comes from member reports.' : 'No findings.') : null,
    h('ol', { class: 'findings' }, d.findings.map((f, i) => {
      const inTitle = f.detail?.field === 'title';
      const hasSpan = f.end > f.start;
      const where = !hasSpan ? 'whole message' : `${inTitle ? 'title' : 'text'}, characters ${revealed || f.bodyStart === undefined ? f.start : f.bodyStart}–${revealed || f.bodyStart === undefined ? f.end : f.bodyEnd}${revealed ? ' of the original' : ''}`;
      return findingItem(f, i + 1, where);
    })));
}

function contextPanel(d) {
  const { before, replyTo } = d.context;
  if (before.length === 0 && !replyTo) return null;
  const small = (m) => h('div', { class: 'msg' }, h('header', { class: 'msg-head' }, authorLine(m.author), timeEl(m.createdAt)), m.title ? h('h4', { class: 'msg-title' }, m.title) : null, h('p', { class: 'msg-body' }, m.body));
  return h('section', { class: 'panel context', 'aria-labelledby': 'ctx-h' },
    h('h3', { id: 'ctx-h' }, 'Conversation before it'),
    replyTo ? [h('p', { class: 'hint' }, 'In reply to:'), small(replyTo)] : null,
    before.length ? h('div', { class: 'messages' }, before.filter((m) => m.id !== replyTo?.id).map(small)) : null);
}

function historyPanel(d) {
  const hist = d.authorHistory;
  const counts = Object.entries(hist.messages ?? {});
  return h('section', { class: 'panel card', 'aria-labelledby': 'hist-h' },
    h('h3', { id: 'hist-h' }, `Author: ${hist.handle ?? d.message.author.handle}`),
    h('ul', { class: 'history-stats' },
      counts.map(([status, n]) => h('li', null, statusChip(status), ` ${n}`)),
      h('li', null, `Reports received: ${hist.reportsReceived ?? 0}`),
      hist.status && hist.status !== 'active' ? h('li', null, h('strong', null, `Account ${hist.status}`)) : null,
      hist.mutedUntil && hist.mutedUntil > Date.now() ? h('li', null, h('strong', null, `Muted here until ${fmtTime(hist.mutedUntil)}`)) : null),
    h('h4', null, 'Previous decisions'),
    hist.decisions?.length
      ? h('ul', { class: 'compact' }, hist.decisions.map((x) => h('li', null, `${x.decision ?? '—'}${x.reasonCode ? ` (${x.reasonCode})` : ''}`, x.source === 'report' ? ' · from reports' : '', x.decidedAt ? [' · ', timeEl(x.decidedAt)] : '')))
      : h('p', { class: 'muted' }, 'None yet.'),
    h('h4', null, 'Sanctions'),
    hist.sanctions?.length
      ? h('ul', { class: 'compact' }, hist.sanctions.map((s) => h('li', null, h('strong', null, s.kind), ` — ${s.reason}`, s.until ? ` (until ${fmtTime(s.until)})` : '', ' · ', timeEl(s.createdAt))))
      : h('p', { class: 'muted' }, 'None.'));
}

function reportsPanel(d) {
  if (!d.reports.length) return null;
  return h('section', { class: 'panel card', 'aria-labelledby': 'rep-h' },
    h('h3', { id: 'rep-h' }, `Reports (${d.reports.length})`),
    h('ul', { class: 'compact' }, d.reports.map((r) => h('li', null, r.reason, r.weight > 1 ? ` (weight ${r.weight}, moderator)` : '', ' · ', timeEl(r.createdAt)))));
}

function notesPanel(d) {
  return h('section', { class: 'panel card', 'aria-labelledby': 'notes-h' },
    h('h3', { id: 'notes-h' }, `Moderator notes (${d.notes.length})`),
    d.notes.length ? h('ul', { class: 'notes-list' }, d.notes.map((n) => h('li', null, h('strong', null, n.author), ' · ', timeEl(n.createdAt), h('p', null, n.body)))) : h('p', { class: 'muted' }, 'No notes yet.'),
    h('button', { type: 'button', class: 'btn btn-small', onclick: () => openPanel('note') }, 'Add a note'));
}

// ---------------------------------------------------------------- panels (reject, edit, note, sanction, reveal)
function openPanel(name, focusSelector) {
  if (!state.detail) return;
  state.panel = name;
  state.panelFocus = focusSelector ?? '#panel select, #panel textarea, #panel input';
  renderDetail();
}

function closePanel() {
  if (!state.panel) return false;
  state.panel = null;
  state.editorText = null;
  renderDetail();
  focusRow();
  return true;
}

function panelEl() {
  const d = state.detail;
  const error = h('p', { class: 'form-error', role: 'alert' });
  const cancel = h('button', { type: 'button', class: 'btn btn-quiet', onclick: closePanel }, 'Cancel ', h('kbd', null, 'Esc'));
  const submitOnEnter = (form) => form.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.tagName === 'SELECT') { e.preventDefault(); form.requestSubmit(); }
  });
  switch (state.panel) {
    case 'reject': {
      const reason = h('select', { name: 'reasonCode' }, REJECT_REASONS.map(([v, l]) => h('option', { value: v, selected: v === suggestedReason(d.findings, d.reasons) }, l)));
      const note = h('input', { name: 'note', maxlength: 2000, placeholder: 'Optional, for other moderators' });
      const form = h('form', {
        class: 'card inline-form', 'aria-label': 'Reject',
        onsubmit: (e) => { e.preventDefault(); void decide({ action: 'reject', reasonCode: reason.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) }, error); },
      }, field('Reason (the author is told)', reason), field('Note', note), h('button', { type: 'submit', class: 'btn btn-bad' }, 'Reject'), cancel, error);
      submitOnEnter(form);
      return form;
    }
    case 'edit': {
      const text = h('textarea', { id: 'edit-text', name: 'text', rows: 6, value: state.editorText ?? d.message.body });
      const title = d.message.title !== null ? h('input', { id: 'edit-title', name: 'title', value: d.message.title }) : null;
      const redact = () => {
        const { selectionStart: s, selectionEnd: e } = text;
        if (e <= s) { announce('Select the text to redact first.', { tone: 'warn' }); return; }
        text.setRangeText('[REDACTED]', s, e, 'end');
        text.focus();
        announce('Selection redacted.', { toast: false });
      };
      const form = h('form', {
        class: 'card editor', 'aria-label': 'Edit and approve',
        onsubmit: (e) => {
          e.preventDefault();
          const body = text.value.trim();
          if (!body) { error.textContent = 'The edited text cannot be empty.'; return; }
          void decide({ action: 'edit_approve', text: body, ...(title && title.value.trim() ? { title: title.value.trim() } : {}) }, error);
        },
      },
      title ? field('Title', title) : null,
      field('Text members will see', text, 'Select words and press Alt+X (or the button) to replace them with [REDACTED]. Ctrl+Enter saves and approves.'),
      h('div', { class: 'editor-bar' },
        h('button', { type: 'button', class: 'btn', onclick: redact, 'aria-keyshortcuts': 'Alt+X' }, 'Redact selection ', h('kbd', null, 'Alt+X')),
        h('button', { type: 'submit', class: 'btn btn-ok', 'aria-keyshortcuts': 'Control+Enter' }, 'Save and approve ', h('kbd', null, 'Ctrl+Enter')),
        cancel),
      error);
      form.addEventListener('keydown', (e) => {
        if (e.altKey && (e.code === 'KeyX' || e.key === 'x')) { e.preventDefault(); redact(); }
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
      });
      text.addEventListener('input', () => { state.editorText = text.value; });
      return form;
    }
    case 'note': {
      const text = h('textarea', { name: 'text', rows: 3, maxlength: 2000, required: true });
      const form = h('form', {
        class: 'card', 'aria-label': 'Add a note',
        onsubmit: async (e) => {
          e.preventDefault();
          try {
            await api('POST', `/api/queue/${d.id}/notes`, { text: text.value });
            announce('Note added.', { tone: 'ok' });
            state.panel = null;
            await loadDetail();
          } catch (err) { error.textContent = errorText(err); }
        },
      }, field('Note for other moderators', text, 'Notes are visible to this community’s moderators. Do not copy private details into them.'),
      h('div', { class: 'editor-bar' }, h('button', { type: 'submit', class: 'btn btn-primary' }, 'Add note'), cancel), error);
      form.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); } });
      return form;
    }
    case 'sanction': {
      const kinds = [['warn', 'Warn'], ['mute', 'Mute in this community'], ...(state.me.isAdmin ? [['suspend', 'Suspend the account']] : [])];
      const kind = h('select', { name: 'kind' }, kinds.map(([v, l]) => h('option', { value: v }, l)));
      const minutes = h('select', { name: 'minutes' }, [['15', '15 minutes'], ['60', '1 hour'], ['1440', '1 day'], ['10080', '7 days'], ['43200', '30 days']].map(([v, l]) => h('option', { value: v, selected: v === '1440' }, l)));
      const minutesField = field('For', minutes);
      minutesField.hidden = true;
      kind.addEventListener('change', () => { minutesField.hidden = kind.value !== 'mute'; });
      const reason = h('input', { name: 'reason', required: true, minlength: 3, maxlength: 500 });
      const form = h('form', {
        class: 'card inline-form', 'aria-label': 'Sanction the author',
        onsubmit: async (e) => {
          e.preventDefault();
          try {
            const body = { communityId: d.communityId, kind: kind.value, reason: reason.value.trim(), ...(kind.value === 'mute' ? { minutes: Number(minutes.value) } : {}) };
            const res = await api('POST', `/api/users/${d.message.author.id}/sanctions`, body);
            announce(kind.value === 'warn' ? 'Warning sent.' : kind.value === 'mute' ? `Muted until ${fmtTime(res.mutedUntil)}.` : 'Account suspended.', { tone: 'ok' });
            state.panel = null;
            await loadDetail();
          } catch (err) { error.textContent = errorText(err); }
        },
      }, field(`Sanction ${d.message.author.handle}`, kind), minutesField, field('Reason (recorded in the audit log)', reason),
      h('button', { type: 'submit', class: 'btn btn-bad' }, 'Apply'), cancel, error);
      submitOnEnter(form);
      return form;
    }
    case 'reveal': {
      const reason = h('input', { name: 'reason', required: true, minlength: 3, maxlength: 500, placeholder: 'e.g. need to check whether the name is the author’s own' });
      const form = h('form', {
        class: 'card inline-form', 'aria-label': 'Reveal the original',
        onsubmit: async (e) => {
          e.preventDefault();
          try {
            await ensureClaim();
            state.revealed = await api('POST', `/api/queue/${d.id}/reveal`, { reason: reason.value.trim() });
            state.panel = null;
            announce('Original revealed. The reveal is recorded in the audit log.', { tone: 'info' });
            await loadDetail();
          } catch (err) { error.textContent = errorText(err); }
        },
      }, field('Why do you need to see the original? (audited)', reason), h('button', { type: 'submit', class: 'btn' }, 'Reveal'), cancel, error);
      return form;
    }
    default:
      return null;
  }
}

/** Opens the editor; a selection inside the message text is pre-redacted. */
function openEditor() {
  const d = state.detail;
  if (!d || d.status === 'decided') return;
  state.editorText = null;
  const body = document.getElementById('item-body');
  const sel = window.getSelection();
  if (body && sel && sel.rangeCount > 0 && !sel.isCollapsed && !state.revealed && body.contains(sel.anchorNode) && body.contains(sel.focusNode)) {
    const range = sel.getRangeAt(0);
    const offset = (node, off) => {
      const r = document.createRange();
      r.setStart(body, 0);
      r.setEnd(node, off);
      return visibleText(r.cloneContents()).length;
    };
    const s = offset(range.startContainer, range.startOffset);
    const e = offset(range.endContainer, range.endOffset);
    const text = d.message.body;
    if (e > s && e <= text.length) state.editorText = `${text.slice(0, s)}[REDACTED]${text.slice(e)}`;
  }
  void ensureClaim().then(() => openPanel('edit', '#edit-text'), (err) => announce(errorText(err), { tone: 'warn' }));
}

/** Text of a fragment of the highlighted body, without the finding reference numbers. */
function visibleText(fragment) {
  for (const sup of fragment.querySelectorAll('sup')) sup.remove();
  return fragment.textContent ?? '';
}

// ---------------------------------------------------------------- actions
async function ensureClaim() {
  const d = state.detail;
  if (!d) throw new ApiError(0, 'NO_ITEM', 'Select an item first.');
  if (mine(d) && d.claim.expiresAt - Date.now() > 30_000) return;
  const res = await api('POST', `/api/queue/${d.id}/claim`);
  d.claim = { by: res.claimedBy, byId: state.me.id, expiresAt: res.claimExpiresAt };
}

async function claim() {
  if (!state.detail || state.detail.status === 'decided') return;
  try {
    state.busy = true;
    const res = await api('POST', `/api/queue/${state.detail.id}/claim`);
    announce(`Claimed until ${fmtTime(res.claimExpiresAt)}.`, { tone: 'ok' });
    await loadDetail();
    scheduleReload();
  } catch (err) {
    announce(errorText(err), { tone: 'warn' });
    await loadDetail();
  } finally {
    state.busy = false;
  }
}

async function release() {
  if (!state.detail) return;
  try {
    await api('POST', `/api/queue/${state.detail.id}/release`);
    announce('Claim released.', { tone: 'info' });
    state.revealed = null;
    await loadDetail();
    scheduleReload();
  } catch (err) {
    announce(errorText(err), { tone: 'warn' });
  }
}

const DONE = { approve: 'Approved.', edit_approve: 'Edited and approved.', reject: 'Rejected. The author has been told why.', escalate: 'Escalated.' };

async function decide(body, errorEl) {
  const d = state.detail;
  if (!d || d.status === 'decided') return;
  state.busy = true;
  try {
    await ensureClaim();
    await api('POST', `/api/queue/${d.id}/decision`, body);
    announce(DONE[body.action], { tone: 'ok' });
    state.panel = null;
    state.editorText = null;
    state.revealed = null;
    const index = state.items.findIndex((i) => i.id === d.id);
    await reloadList();
    if (body.action === 'escalate') {
      await loadDetail();
    } else {
      const next = state.items[Math.min(index, state.items.length - 1)];
      state.detail = null;
      if (next) await select(next.id, { focus: true });
      else {
        state.selectedId = null;
        syncUrl();
        renderList();
        mount(ui.pane, h('div', { class: 'card item-empty', role: 'status' }, h('p', null, 'All done. New items appear live.')));
      }
    }
  } catch (err) {
    if (errorEl) errorEl.textContent = errorText(err);
    else announce(errorText(err), { tone: 'warn' });
    await loadDetail();
  } finally {
    state.busy = false;
  }
}

const approve = () => decide({ action: 'approve' });
const escalate = () => decide({ action: 'escalate' });

// ---------------------------------------------------------------- keyboard
function onKey(e) {
  if (e.key === 'Escape') {
    if (ui.help.open) return;
    if (closePanel()) e.preventDefault();
    return;
  }
  if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey || ui.help.open) return;
  const d = state.detail;
  const blocked = !d || d.status === 'decided' || (d.claim && !mine(d));
  const handlers = {
    j: () => move(1),
    k: () => move(-1),
    c: () => void claim(),
    C: () => void release(),
    a: () => !blocked && void approve(),
    r: () => !blocked && openPanel('reject'),
    e: () => !blocked && openEditor(),
    '!': () => !blocked && void escalate(),
    n: () => d && openPanel('note'),
    s: () => d && openPanel('sanction'),
    v: () => !blocked && d.originalAvailable && !state.revealed && openPanel('reveal'),
    x: () => toggleChecked(),
    '?': () => ui.help.showModal(),
  };
  const fn = handlers[e.key];
  if (!fn) return;
  e.preventDefault();
  if (blocked && ['a', 'r', 'e', '!', 'v'].includes(e.key) && d) announce(d.status === 'decided' ? 'This item is already decided.' : `${d.claim.by} is working on this item.`, { tone: 'warn' });
  fn();
}

start().catch((err) => {
  if (err instanceof ApiError && err.status === 401) return;
  mount(main, h('p', { class: 'form-error' }, errorText(err)));
});
