// Haven web app: shared helpers (DOM builder, API client, live socket, page chrome).
// Plain ES module, no build step. The session lives in an HttpOnly cookie; scripts never see it.

/** Builds an element: h('button', { class: 'x', onclick: fn, 'aria-label': 'y' }, 'text', child). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'selected' || key === 'disabled' || key === 'hidden' || key === 'open') el[key] = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** JSON API call with the session cookie. A 401 sends the browser to the login page. */
export async function api(method, url, body) {
  const init = { method, credentials: 'same-origin', headers: {} };
  if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'NETWORK', 'Haven could not be reached. Check your connection and try again.');
  }
  if (res.status === 204) return null;
  const data = await res.json().catch(() => null);
  if (res.status === 401 && !url.startsWith('/api/auth/')) {
    location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
    throw new ApiError(401, 'UNAUTHENTICATED', 'Please log in.');
  }
  if (!res.ok) throw new ApiError(res.status, data?.code ?? 'ERROR', data?.message ?? `Request failed (${res.status}).`, data?.details);
  return data;
}

export const qs = (params) => {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) out.set(k, String(v));
  const s = out.toString();
  return s ? `?${s}` : '';
};

/** The logged-in user (or a redirect to /login). */
export async function loadMe() {
  const me = await api('GET', '/api/me');
  me.isAdmin = me.role === 'admin';
  me.moderates = me.isAdmin || me.memberships.some((m) => m.role === 'moderator');
  return me;
}

// ---- time ----
const timeFmt = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

export function fmtTime(ms) {
  const d = new Date(ms);
  return new Date().toDateString() === d.toDateString() ? timeFmt.format(d) : dateFmt.format(d);
}

export function timeEl(ms) {
  return h('time', { datetime: new Date(ms).toISOString(), title: new Date(ms).toLocaleString() }, fmtTime(ms));
}

export function ago(ms, now = Date.now()) {
  const min = Math.max(0, Math.round((now - ms) / 60_000));
  if (min < 1) return 'just now';
  if (min < 60) return `${min} min ago`;
  const hours = Math.round(min / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

// ---- announcements (screen readers) and toasts ----
let liveRegion;
let toastBox;
export function announce(text, { toast = true, tone = 'info' } = {}) {
  liveRegion ??= document.getElementById('live-region');
  if (liveRegion) {
    liveRegion.textContent = '';
    setTimeout(() => { liveRegion.textContent = text; }, 30);
  }
  if (!toast) return;
  toastBox ??= document.getElementById('toasts');
  if (!toastBox) return;
  const el = h('div', { class: `toast toast-${tone}` }, text);
  toastBox.append(el);
  setTimeout(() => el.remove(), 5000);
}

/** Renders an API error next to a form. */
export function errorText(error) {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

// ---- message presentation ----
export const STATUS = {
  pending: { label: 'Checking…', tone: 'pending' },
  published: { label: 'Published', tone: 'published' },
  published_redacted: { label: 'Published with details hidden', tone: 'redacted' },
  held: { label: 'Waiting for review', tone: 'held' },
  rejected: { label: 'Not published', tone: 'rejected' },
};

export function statusChip(status) {
  const s = STATUS[status] ?? { label: status, tone: 'pending' };
  return h('span', { class: `chip chip-${s.tone}` }, s.label);
}

/** Handle with role badge and, for verified clinicians, credential and jurisdiction. */
export function authorLine(author) {
  const parts = [h('span', { class: 'handle' }, author.handle)];
  if (author.clinician) {
    parts.push(h('span', { class: 'badge badge-clinician', title: 'Verified clinician' },
      h('span', { 'aria-hidden': 'true' }, '✚ '), `Verified clinician · ${author.clinician.credential} · ${author.clinician.jurisdiction}`));
  } else if (author.role === 'moderator' || author.role === 'admin') {
    parts.push(h('span', { class: 'badge badge-mod' }, author.role === 'admin' ? 'Admin' : 'Moderator'));
  }
  return h('span', { class: 'author' }, parts);
}

// ---- live socket ----
/**
 * One WebSocket to /ws, authenticated by the session cookie at upgrade. Reconnects with
 * backoff and replays subscriptions. Handlers get every event by type ('*' for all).
 */
export class Live {
  constructor() {
    this.handlers = new Map();
    this.subscriptions = new Map();
    this.pending = new Map();
    this.ready = false;
    this.retry = 0;
    this.refCounter = 0;
    this.connect();
  }

  connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener('message', (e) => {
      let event;
      try { event = JSON.parse(e.data); } catch { return; }
      if (event.type === 'ready') {
        event.reconnected = this.connectedBefore === true;
        this.connectedBefore = true;
        this.ready = true;
        this.retry = 0;
        for (const sub of this.subscriptions.values()) this.raw({ type: 'subscribe', ...sub });
        setIndicator('connected');
      }
      if (event.ref && this.pending.has(event.ref)) {
        const { resolve, reject } = this.pending.get(event.ref);
        this.pending.delete(event.ref);
        if (event.type === 'error') reject(new ApiError(400, event.code, event.message));
        else resolve(event);
      }
      for (const fn of this.handlers.get(event.type) ?? []) fn(event);
      for (const fn of this.handlers.get('*') ?? []) fn(event);
    });
    socket.addEventListener('close', (e) => {
      this.ready = false;
      if (e.code === 4401) {
        // The session ended (logged out elsewhere, expired, suspended).
        location.assign(`/login?next=${encodeURIComponent(location.pathname + location.search + location.hash)}`);
        return;
      }
      setIndicator('reconnecting');
      for (const { reject } of this.pending.values()) reject(new ApiError(0, 'NETWORK', 'The live connection dropped; your message may not have been sent.'));
      this.pending.clear();
      const delay = Math.min(10_000, 500 * 2 ** this.retry++);
      setTimeout(() => this.connect(), delay);
    });
  }

  on(type, fn) {
    if (!this.handlers.has(type)) this.handlers.set(type, []);
    this.handlers.get(type).push(fn);
  }

  raw(payload) {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(payload));
  }

  /** Subscribes to {room}, {thread} or {community}; kept across reconnects. */
  subscribe(target) {
    const key = JSON.stringify(target);
    this.subscriptions.set(key, target);
    if (this.ready) this.raw({ type: 'subscribe', ...target });
  }

  unsubscribeAll() {
    for (const sub of this.subscriptions.values()) this.raw({ type: 'unsubscribe', ...sub });
    this.subscriptions.clear();
  }

  /** Sends a request that the server answers with the same `ref` (chat.send → chat.ack). */
  request(payload, timeoutMs = 15_000) {
    if (!this.ready) return Promise.reject(new ApiError(0, 'NOT_READY', 'not connected'));
    const ref = `r${++this.refCounter}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        reject(new ApiError(0, 'TIMEOUT', 'No answer from Haven; please try again.'));
      }, timeoutMs);
      this.pending.set(ref, {
        resolve: (e) => { clearTimeout(timer); resolve(e); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.raw({ ...payload, ref });
    });
  }
}

function setIndicator(state) {
  const el = document.getElementById('live-indicator');
  if (!el) return;
  el.dataset.state = state;
  el.textContent = state === 'connected' ? 'Live' : 'Reconnecting…';
  el.title = state === 'connected' ? 'Updates arrive live' : 'The live connection dropped; reconnecting';
}

// ---- page chrome ----
const NAV = [
  { href: '/', label: 'Community', show: () => true },
  { href: '/console', label: 'Review queue', show: (me) => me.moderates },
  { href: '/console/dashboard', label: 'Dashboard', show: (me) => me.moderates },
  { href: '/console/audit', label: 'Audit log', show: (me) => me.moderates },
  { href: '/admin', label: 'Admin', show: (me) => me.isAdmin },
];

/** Fills the page header: brand, navigation for this user's role, live state, log out. */
export function renderHeader(me, active) {
  const header = document.getElementById('site-header');
  const links = NAV.filter((n) => n.show(me));
  const logout = async () => {
    try { await api('POST', '/api/auth/logout'); } catch { /* already gone */ }
    location.assign('/login');
  };
  mount(header,
    h('a', { class: 'brand', href: '/' }, h('img', { src: '/assets/favicon.svg', alt: '', width: 24, height: 24 }), 'Haven'),
    // Members have one page family: the brand link is their navigation.
    links.length > 1 ? h('nav', { 'aria-label': 'Main' },
      h('ul', null, links.map((n) =>
        h('li', null, h('a', { href: n.href, ...(n.href === active ? { 'aria-current': 'page' } : {}) }, n.label))))) : h('span', { class: 'spacer' }),
    h('div', { class: 'who' },
      h('span', { id: 'live-indicator', class: 'live-indicator', 'data-state': 'connecting', role: 'status' }, 'Connecting…'),
      h('span', { class: 'me' }, authorLine({ handle: me.handle, role: me.role, clinician: me.clinician })),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: logout }, 'Log out')),
  );
}

/** Turns a form's named fields into an object. */
export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}

/** Labelled field helper: returns a wrapper with <label for> and the control. */
let fieldCounter = 0;
export function field(label, control, hint) {
  const id = control.id || `f${++fieldCounter}`;
  control.id = id;
  const hintId = hint ? `${id}-hint` : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('p', { class: 'hint', id: hintId }, hint) : null);
}

export function isTyping(target) {
  const el = target;
  if (!(el instanceof HTMLElement)) return false;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(el.type);
  return el.isContentEditable || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}
