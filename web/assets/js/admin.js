// Admin pages: communities, people (roles, moderators, clinician verification) and per-community
// policy (word lists, thresholds, pre-moderation, crisis resources). Every change is audited server-side.
import { announce, api, ApiError, errorText, field, h, loadMe, mount, renderHeader } from './lib.js';

const main = document.getElementById('main');
let me;
let communities = [];

async function start() {
  me = await loadMe();
  renderHeader(me, '/admin');
  document.getElementById('live-indicator')?.remove();
  if (!me.isAdmin) {
    mount(main, h('div', { class: 'card' }, h('h1', null, 'Admin'), h('p', null, 'Only admins can open these pages.')));
    return;
  }
  communities = await api('GET', '/api/communities');
  mount(main,
    h('h1', null, 'Admin'),
    h('nav', { 'aria-label': 'Admin sections' }, h('ul', { class: 'admin-nav' },
      [['#communities', 'Communities'], ['#people', 'People, moderators and clinicians'], ['#policy', 'Community policy']].map(([href, l]) => h('li', null, h('a', { class: 'btn btn-small', href }, l))))),
    h('div', { class: 'admin-sections' }, communitiesSection(), peopleSection(), policySection()));
}

function communityOptions(select, selected) {
  select.replaceChildren(...communities.map((c) => h('option', { value: c.id, selected: c.id === selected }, c.name)));
}

// ---------------------------------------------------------------- communities
function communitiesSection() {
  const tbody = h('tbody');
  const renderRows = () => tbody.replaceChildren(...communities.map((c) => h('tr', null,
    h('td', null, h('a', { href: `/#/c/${encodeURIComponent(c.slug)}` }, c.name)), h('td', { class: 'mono' }, c.slug), h('td', null, c.description),
    h('td', null, h('a', { href: `/console?community=${encodeURIComponent(c.id)}` }, 'Queue')))));
  renderRows();
  const slug = h('input', { name: 'slug', required: true, pattern: '[a-z0-9-]{2,48}', maxlength: 48 });
  const name = h('input', { name: 'name', required: true, minlength: 2, maxlength: 120 });
  const description = h('input', { name: 'description', maxlength: 2000 });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const form = h('form', {
    class: 'inline-form',
    onsubmit: async (e) => {
      e.preventDefault();
      error.textContent = '';
      try {
        const created = await api('POST', '/api/communities', { slug: slug.value.trim(), name: name.value.trim(), description: description.value.trim() });
        communities.push(created);
        renderRows();
        for (const sel of document.querySelectorAll('select[data-communities]')) communityOptions(sel, sel.value);
        announce(`Community ${created.name} created.`, { tone: 'ok' });
        form.reset();
      } catch (err) { error.textContent = errorText(err); }
    },
  }, field('Address (slug)', slug, 'lowercase letters, digits and -'), field('Name', name), field('Description', description), h('button', { class: 'btn btn-primary', type: 'submit' }, 'Create community'), error);
  return h('section', { class: 'card', id: 'communities', 'aria-labelledby': 'communities-h' },
    h('h2', { id: 'communities-h' }, 'Communities'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', null, h('tr', null, ['Name', 'Address', 'Description', ''].map((x) => h('th', { scope: 'col' }, x)))), tbody)),
    h('h3', null, 'Create a community'), form);
}

// ---------------------------------------------------------------- people
function peopleSection() {
  const q = h('input', { name: 'q', type: 'search', maxlength: 64, placeholder: 'part of a handle' });
  const community = h('select', { name: 'community', 'data-communities': '' });
  communityOptions(community);
  const results = h('div', { 'aria-live': 'polite' });
  const search = async () => {
    try {
      const users = await api('GET', `/api/admin/users?q=${encodeURIComponent(q.value.trim())}`);
      mount(results, users.length === 0 ? h('p', { class: 'muted' }, 'Nobody matches.') : h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('thead', null, h('tr', null, ['Handle', 'Role', 'Status', 'Clinician', 'Moderator of the selected community', 'Clinician verification'].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', null, users.map((u) => userRow(u, community, search))))));
    } catch (err) {
      mount(results, h('p', { class: 'form-error' }, errorText(err)));
    }
  };
  const form = h('form', { class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); void search(); } },
    field('Find people', q), field('Community', community), h('button', { class: 'btn btn-primary', type: 'submit' }, 'Search'));
  void search();
  return h('section', { class: 'card', id: 'people', 'aria-labelledby': 'people-h' },
    h('h2', { id: 'people-h' }, 'People, moderators and clinicians'),
    h('p', { class: 'muted' }, 'Appoint moderators per community, change global roles, and verify clinicians after checking their licence. Licence numbers are stored with the verification and never shown in the audit log.'),
    form, results);
}

function userRow(u, community, refresh) {
  const role = h('select', { 'aria-label': `Role of ${u.handle}` }, ['member', 'moderator', 'admin'].map((r) => h('option', { value: r, selected: r === u.role }, r)));
  if (u.role === 'clinician') role.prepend(h('option', { value: 'clinician', selected: true, disabled: true }, 'clinician'));
  const act = (label, fn, cls = 'btn btn-small') => h('button', {
    type: 'button', class: cls,
    onclick: async () => {
      try { await fn(); await refresh(); } catch (err) { announce(errorText(err), { tone: 'warn' }); }
    },
  }, label);
  const verify = h('details', null, h('summary', null, u.clinician ? 'Revoke…' : 'Verify…'), u.clinician ? revokeForm(u, refresh) : verifyForm(u, refresh));
  return h('tr', { 'data-user': u.handle },
    h('td', null, h('strong', null, u.handle)),
    h('td', null, h('div', { class: 'row-actions' }, role, act('Save', async () => {
      if (role.value === u.role) return;
      await api('PUT', `/api/admin/users/${u.id}/role`, { role: role.value });
      announce(`${u.handle} is now ${role.value}.`, { tone: 'ok' });
    }))),
    h('td', null, u.status),
    h('td', null, u.clinician ? `${u.clinician.credential} · ${u.clinician.jurisdiction}` : '—'),
    h('td', null, h('div', { class: 'row-actions' },
      act('Appoint', async () => {
        await api('PUT', `/api/communities/${community.value}/moderators/${u.id}`);
        announce(`${u.handle} now moderates ${community.selectedOptions[0]?.textContent}.`, { tone: 'ok' });
      }),
      act('Remove', async () => {
        await api('DELETE', `/api/communities/${community.value}/moderators/${u.id}`);
        announce(`${u.handle} no longer moderates ${community.selectedOptions[0]?.textContent}.`, { tone: 'ok' });
      }))),
    h('td', null, verify));
}

function verifyForm(u, refresh) {
  const inputs = {
    fullName: h('input', { required: true, minlength: 2, maxlength: 200, autocomplete: 'off' }),
    credential: h('input', { required: true, minlength: 2, maxlength: 60, placeholder: 'MD, RN, PharmD, RD…' }),
    jurisdiction: h('input', { required: true, minlength: 2, maxlength: 120, placeholder: 'Oregon, US' }),
    licenceNumber: h('input', { required: true, minlength: 2, maxlength: 60, autocomplete: 'off' }),
  };
  const error = h('p', { class: 'form-error', role: 'alert' });
  return h('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api('POST', `/api/admin/users/${u.id}/clinician-verification`, Object.fromEntries(Object.entries(inputs).map(([k, el]) => [k, el.value.trim()])));
        announce(`${u.handle} is now a verified clinician.`, { tone: 'ok' });
        await refresh();
      } catch (err) { error.textContent = errorText(err); }
    },
  }, field('Full name', inputs.fullName), field('Credential', inputs.credential), field('Jurisdiction', inputs.jurisdiction), field('Licence number', inputs.licenceNumber),
  h('button', { class: 'btn btn-primary btn-small', type: 'submit' }, 'Verify clinician'), error);
}

function revokeForm(u, refresh) {
  const reason = h('input', { required: true, minlength: 3, maxlength: 500 });
  const error = h('p', { class: 'form-error', role: 'alert' });
  return h('form', {
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        await api('DELETE', `/api/admin/users/${u.id}/clinician-verification`, { reason: reason.value.trim() });
        announce(`Verification of ${u.handle} revoked.`, { tone: 'ok' });
        await refresh();
      } catch (err) { error.textContent = errorText(err); }
    },
  }, field('Reason (audited)', reason), h('button', { class: 'btn btn-bad btn-small', type: 'submit' }, 'Revoke verification'), error);
}

// ---------------------------------------------------------------- policy
const POLICY_LABELS = {
  wordLists: 'Word lists', 'wordLists.block': 'Block: reject messages containing (one per line)', 'wordLists.hold': 'Hold for review (one per line)',
  'wordLists.censor': 'Censor with asterisks (one per line)', premoderation: 'Pre-moderation of new members',
  'premoderation.approvedMessagesRequired': 'Hold a new member’s messages until this many are approved (0 = off)',
  rateLimit: 'Rate limits', 'rateLimit.maxMessages': 'Messages allowed per window', 'rateLimit.windowSeconds': 'Window (seconds)',
  'rateLimit.duplicateWindowSeconds': 'Reject repeats of the same text within (seconds)', phi: 'Private details (PHI)',
  'phi.actions': 'Action per detail type', 'phi.defaultAction': 'Action for other detail types', reports: 'Member reports',
  'reports.hideThreshold': 'Hide a message when report weight reaches (moderator reports weigh 3)',
  crisisResources: 'Crisis resources shown to authors (one per line)', clinicianDisclaimer: 'Note added under clinician replies',
};
const FINDING_ACTIONS = ['none', 'note', 'redact', 'hold', 'reject'];
const humanize = (key) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Builds a form for any policy shape: lists as lines, numbers, switches, actions as selects. */
function policyFields(value, path = []) {
  const key = path.join('.');
  const label = POLICY_LABELS[key] ?? humanize(path.at(-1) ?? '');
  const data = { 'data-path': JSON.stringify(path) };
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return field(label, h('textarea', { ...data, 'data-kind': 'lines', rows: Math.min(8, Math.max(3, value.length + 1)), value: value.join('\n') }));
  }
  if (typeof value === 'number') return field(label, h('input', { ...data, 'data-kind': 'number', type: 'number', step: 'any', value: String(value) }));
  if (typeof value === 'boolean') {
    const box = h('input', { ...data, 'data-kind': 'boolean', type: 'checkbox', checked: value });
    const el = h('div', { class: 'field field-inline' }, box, h('label', null, label));
    box.id = `p-${path.join('-')}`;
    el.querySelector('label').setAttribute('for', box.id);
    return el;
  }
  if (typeof value === 'string' && FINDING_ACTIONS.includes(value)) {
    return field(label, h('select', { ...data, 'data-kind': 'string' }, FINDING_ACTIONS.map((a) => h('option', { value: a, selected: a === value }, a))));
  }
  if (typeof value === 'string') {
    return field(label, value.length > 60 ? h('textarea', { ...data, 'data-kind': 'string', rows: 3, value }) : h('input', { ...data, 'data-kind': 'string', value }));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const children = Object.entries(value).map(([k, v]) => policyFields(v, [...path, k]));
    return path.length === 0 ? children : h('fieldset', null, h('legend', null, label), h('div', { class: 'policy-grid' }, children));
  }
  return field(`${label} (JSON)`, h('textarea', { ...data, 'data-kind': 'json', rows: 3, value: JSON.stringify(value) }));
}

function collectPolicy(form, base) {
  const out = structuredClone(base);
  for (const el of form.querySelectorAll('[data-path]')) {
    const path = JSON.parse(el.dataset.path);
    let v;
    switch (el.dataset.kind) {
      case 'lines': v = el.value.split('\n').map((s) => s.trim()).filter(Boolean); break;
      case 'number': v = Number(el.value); if (!Number.isFinite(v)) throw new Error(`${path.join('.')} must be a number.`); break;
      case 'boolean': v = el.checked; break;
      case 'json': v = JSON.parse(el.value); break;
      default: v = el.value;
    }
    let target = out;
    for (const k of path.slice(0, -1)) target = target[k];
    target[path.at(-1)] = v;
  }
  return out;
}

function policySection() {
  const community = h('select', { name: 'community', 'data-communities': '' });
  communityOptions(community);
  const body = h('div');
  const load = async () => {
    if (!community.value) { mount(body, h('p', { class: 'muted' }, 'Create a community first.')); return; }
    try {
      const c = await api('GET', `/api/communities/${community.value}`);
      mount(body, policyForm(c));
    } catch (err) { mount(body, h('p', { class: 'form-error' }, errorText(err))); }
  };
  community.addEventListener('change', load);
  void load();
  return h('section', { class: 'card', id: 'policy', 'aria-labelledby': 'policy-h' },
    h('h2', { id: 'policy-h' }, 'Community policy'),
    h('p', { class: 'muted' }, 'Word lists, thresholds, pre-moderation and crisis resources for one community. Changes apply to new messages at once and are recorded in the audit log with your reason.'),
    h('div', { class: 'toolbar' }, field('Community', community)), body);
}

function policyForm(c) {
  const base = c.policy;
  const reason = h('input', { name: 'reason', required: true, maxlength: 500, placeholder: 'Why this change?' });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const json = h('textarea', { rows: 12, value: JSON.stringify(base, null, 2), 'aria-label': 'Policy as JSON' });
  const save = async (policy) => {
    error.textContent = '';
    if (!reason.value.trim()) { error.textContent = 'Give a reason for the change; it goes into the audit log.'; reason.focus(); return; }
    try {
      await api('PUT', `/api/communities/${c.id}/policy`, { policy, reason: reason.value.trim() });
      announce(`Policy of ${c.name} saved.`, { tone: 'ok' });
      reason.value = '';
    } catch (err) { error.textContent = errorText(err); }
  };
  const form = h('form', {
    class: 'policy-form',
    onsubmit: (e) => {
      e.preventDefault();
      let policy;
      try { policy = collectPolicy(form, base); } catch (err) { error.textContent = err.message; return; }
      void save(policy);
    },
  },
  policyFields(base),
  h('details', null, h('summary', null, 'Advanced: edit the whole policy as JSON'), json,
    h('button', { type: 'button', class: 'btn btn-small', onclick: () => { try { void save(JSON.parse(json.value)); } catch { error.textContent = 'That is not valid JSON.'; } } }, 'Save JSON')),
  field('Reason for the change (audited)', reason),
  error,
  h('button', { class: 'btn btn-primary', type: 'submit' }, 'Save policy'));
  return form;
}

start().catch((err) => {
  if (err instanceof ApiError && err.status === 401) return;
  mount(main, h('p', { class: 'form-error' }, errorText(err)));
});
