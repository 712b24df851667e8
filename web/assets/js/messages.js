// Rendering of community messages (forum posts and chat), shared by the community pages.
import { api, announce, authorLine, errorText, h, mount, STATUS, statusChip, timeEl } from './lib.js';

const REPORT_REASONS = [
  ['privacy', 'It shares private details'],
  ['misinformation', 'It could mislead about health'],
  ['harassment', 'It is unkind or hostile'],
  ['spam', 'Spam or advertising'],
  ['crisis', 'Someone may be in danger'],
  ['boundary', 'Individual medical advice'],
  ['other', 'Something else'],
];

/** What the author reads about their own message, by state. */
const OWN_HEADLINE = {
  published: '',
  published_redacted: 'Others see it with some details hidden.',
  held: 'Only you can see it until a volunteer moderator has looked at it.',
  rejected: 'Only you can see this.',
  pending: 'Checking your message…',
};

export function isOwn(message) {
  return Object.prototype.hasOwnProperty.call(message, 'reason');
}

/** The state of the author's own message, updated in place when a moderator decides. */
function ownStatus(message) {
  if (message.status === 'published' && !message.reason) {
    return h('div', { class: 'own-status own-plain', 'data-status': message.status }, statusChip(message.status));
  }
  return h('div', { class: `own-status own-${STATUS[message.status]?.tone ?? 'pending'}`, 'data-status': message.status },
    h('p', { class: 'own-headline' }, statusChip(message.status), ' ', h('span', null, OWN_HEADLINE[message.status] ?? '')),
    message.reason ? h('p', { class: 'own-reason' }, message.reason) : null);
}

function reportControl(message) {
  const select = h('select', { name: 'reason', 'aria-label': 'Why are you reporting this message?' },
    REPORT_REASONS.map(([value, label]) => h('option', { value }, label)));
  const out = h('span', { class: 'report-result', role: 'status' });
  const form = h('form', {
    class: 'report-form', hidden: true,
    onsubmit: async (e) => {
      e.preventDefault();
      try {
        const { hidden } = await api('POST', `/api/messages/${message.id}/reports`, { reason: select.value });
        mount(out, hidden ? 'Thanks. The message is hidden while a moderator reviews it.' : 'Thanks. A moderator will look at it.');
        form.querySelector('button[type=submit]').disabled = true;
      } catch (err) {
        mount(out, errorText(err));
      }
    },
  }, select, h('button', { class: 'btn btn-small', type: 'submit' }, 'Send report'), out);
  const toggle = h('button', {
    type: 'button', class: 'btn btn-link btn-small', 'aria-expanded': 'false',
    onclick: () => {
      form.hidden = !form.hidden;
      toggle.setAttribute('aria-expanded', String(!form.hidden));
      if (!form.hidden) select.focus();
    },
  }, 'Report');
  return h('div', { class: 'msg-actions' }, toggle, form);
}

/** One message as an <article>; own messages carry their moderation state and reason. */
export function messageEl(message, { showTitle = true } = {}) {
  const own = isOwn(message);
  const body = message.body
    ? h('p', { class: 'msg-body' }, message.body)
    : h('p', { class: 'msg-body msg-empty' }, message.status === 'rejected' ? 'The text is not shown because the message was not published.' : '');
  return h('article', {
    class: `msg${own ? ' msg-own' : ''} msg-${message.status}`, 'data-id': message.id, 'data-status': message.status,
    'aria-label': `Message from ${message.author.handle}`,
  },
  h('header', { class: 'msg-head' }, authorLine(message.author), timeEl(message.createdAt)),
  showTitle && message.title ? h('h3', { class: 'msg-title' }, message.title) : null,
  body,
  message.notes?.length ? h('ul', { class: 'msg-notes', 'aria-label': 'Notes' }, message.notes.map((n) => h('li', null, n))) : null,
  own ? ownStatus(message) : null,
  !own && message.status !== 'held' ? reportControl(message) : null);
}

/**
 * A live list of messages: insert in time order, update in place, remove. Merges a public
 * view into the author's own view so the status and reason stay.
 */
export class MessageList {
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.messages = new Map();
  }

  set(messages) {
    this.messages.clear();
    mount(this.container);
    for (const m of messages) this.upsert(m, { quiet: true });
    this.empty();
  }

  empty() {
    const placeholder = this.container.querySelector('.list-empty');
    if (this.messages.size === 0 && !placeholder) this.container.append(h('p', { class: 'list-empty muted' }, this.options.emptyText ?? 'No messages yet.'));
    if (this.messages.size > 0) placeholder?.remove();
  }

  has(id) {
    return this.messages.has(id);
  }

  upsert(incoming, { quiet = false } = {}) {
    const previous = this.messages.get(incoming.id);
    const merged = previous && isOwn(previous) && !isOwn(incoming) ? { ...previous, ...incoming, reason: previous.reason, findings: previous.findings } : incoming;
    this.messages.set(merged.id, merged);
    const el = messageEl(merged, this.options);
    const existing = this.container.querySelector(`article[data-id="${CSS.escape(merged.id)}"]`);
    if (existing) {
      existing.replaceWith(el);
      if (!quiet && previous?.status !== merged.status) el.classList.add('flash');
    } else {
      const after = [...this.container.querySelectorAll('article.msg')].find((a) => (this.messages.get(a.dataset.id)?.createdAt ?? 0) > merged.createdAt);
      this.container.insertBefore(el, after ?? null);
      if (!quiet) el.classList.add('flash');
    }
    this.empty();
    return el;
  }

  remove(id) {
    this.messages.delete(id);
    this.container.querySelector(`article[data-id="${CSS.escape(id)}"]`)?.remove();
    this.empty();
  }
}

/** Tells the author, politely, that a moderator decided on their message. */
export function announceStatus(message) {
  const text = {
    published: 'A moderator approved your message. It is now published.',
    published_redacted: 'Your message is published, with some details hidden.',
    rejected: 'A moderator decided not to publish your message.',
    held: 'Your message is waiting for a moderator.',
  }[message.status];
  if (text) announce(text, { tone: message.status === 'rejected' ? 'warn' : 'ok' });
}
