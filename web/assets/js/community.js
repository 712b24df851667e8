// Community pages for members and clinicians: communities, forum threads, live chat rooms.
// Routes live in the hash: #/ · #/c/<slug> · #/c/<slug>/t/<threadId> · #/c/<slug>/r/<roomId>
import { announce, api, ApiError, ago, errorText, field, h, Live, loadMe, mount, renderHeader, statusChip } from './lib.js';
import { announceStatus, isOwn, MessageList } from './messages.js';

const main = document.getElementById('main');
let me;
let live;
/** The message list on screen (thread or room), for live updates. */
let current = null;
let renderToken = 0;

async function start() {
  me = await loadMe();
  renderHeader(me, '/');
  live = new Live();
  live.on('message.published', (e) => {
    if (current && matches(e.message)) current.list.upsert(e.message);
  });
  live.on('message.removed', (e) => current?.list.remove(e.messageId));
  live.on('message.status', (e) => {
    if (current?.list.has(e.message.id)) {
      const before = current.list.messages.get(e.message.id)?.status;
      current.list.upsert(e.message);
      if (before !== e.message.status) announceStatus(e.message);
    } else if (e.message.status !== 'pending' && Date.now() - e.message.createdAt > 3000) {
      // A decision on a message that is not on screen (the sender's own result arrives with the send).
      announceStatus(e.message);
    }
  });
  live.on('crisis.resources', (e) => showCrisis(e.resources));
  // After a dropped connection, catch up on what was missed.
  live.on('ready', (e) => { if (e.reconnected) void current?.refresh?.(); });
  live.on('sanction', (e) => showNotice(e.message, e.until));
  window.addEventListener('hashchange', route);
  await route();
}

function matches(message) {
  if (!current) return false;
  return (current.roomId && message.roomId === current.roomId) || (current.threadId && message.threadId === current.threadId);
}

// ---- crisis resources and notices: shown above whatever page is open ----
function banners() {
  let box = document.getElementById('banners');
  if (!box) {
    box = h('div', { id: 'banners', class: 'banners' });
    main.before(box);
  }
  return box;
}

function showCrisis(resources) {
  const box = banners();
  box.querySelector('.crisis-panel')?.remove();
  const panel = h('section', { class: 'crisis-panel', role: 'alert', 'aria-labelledby': 'crisis-title' },
    h('h2', { id: 'crisis-title' }, 'You are not alone'),
    h('p', null, 'It sounds like you may be going through something very hard. Our moderators have been told and will look out for you. If you need help now:'),
    h('ul', null, (resources ?? []).map((r) => h('li', null, r))),
    h('button', { type: 'button', class: 'btn', onclick: () => panel.remove() }, 'Close'));
  box.prepend(panel);
  // Help comes first: bring the panel into view and move focus there (the composer does not take it back).
  panel.tabIndex = -1;
  panel.focus();
  panel.scrollIntoView({ block: 'start' });
}

function showNotice(text, until) {
  const notice = h('section', { class: 'notice', role: 'status' },
    h('p', null, text, until ? ` (until ${new Date(until).toLocaleString()})` : ''),
    h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => notice.remove() }, 'Dismiss'));
  banners().append(notice);
}

// ---- routing ----
async function route() {
  const token = ++renderToken;
  live.unsubscribeAll();
  current = null;
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'c' && parts[1] && parts[2] === 't' && parts[3]) await threadPage(parts[1], parts[3], token);
    else if (parts[0] === 'c' && parts[1] && parts[2] === 'r' && parts[3]) await roomPage(parts[1], parts[3], token);
    else if (parts[0] === 'c' && parts[1]) await communityPage(parts[1], token);
    else await communitiesPage(token);
  } catch (err) {
    if (token !== renderToken) return;
    mount(main, h('div', { class: 'card' }, h('h1', null, 'This page could not be shown'), h('p', null, errorText(err)), h('p', null, h('a', { href: '#/' }, 'Back to communities'))));
  }
  if (token === renderToken) main.focus({ preventScroll: true });
}

function crumbs(...items) {
  return h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('ol', null, items.map(([label, href], i) =>
    h('li', null, href && i < items.length - 1 ? h('a', { href }, label) : h('span', { 'aria-current': 'page' }, label)))));
}

async function communitiesPage(token) {
  const communities = await api('GET', '/api/communities');
  if (token !== renderToken) return;
  document.title = 'Communities · Haven';
  mount(main,
    h('h1', null, 'Communities'),
    h('p', { class: 'muted lede' }, 'Peer support, moderated by volunteers. Every message is checked for private details before anyone else sees it.'),
    communities.length === 0 ? h('p', null, 'No communities yet.') : null,
    h('ul', { class: 'cards' }, communities.map((c) => h('li', { class: 'card community-card' },
      h('h2', null, c.membership ? h('a', { href: `#/c/${encodeURIComponent(c.slug)}` }, c.name) : c.name),
      h('p', null, c.description),
      c.membership
        ? h('p', null, h('a', { class: 'btn btn-primary', href: `#/c/${encodeURIComponent(c.slug)}` }, 'Open'), c.membership.role === 'moderator' ? h('span', { class: 'badge badge-mod' }, 'You moderate') : null)
        : h('button', {
          type: 'button', class: 'btn btn-primary',
          onclick: async (e) => {
            e.target.disabled = true;
            try {
              await api('POST', `/api/communities/${c.id}/join`);
              location.hash = `#/c/${encodeURIComponent(c.slug)}`;
            } catch (err) {
              announce(errorText(err), { tone: 'warn' });
              e.target.disabled = false;
            }
          },
        }, `Join ${c.name}`)))));
}

async function loadCommunity(slug) {
  const community = await api('GET', `/api/communities/${encodeURIComponent(slug)}`);
  if (!community.membership && !me.isAdmin) {
    location.hash = '#/';
    throw new ApiError(403, 'NOT_A_MEMBER', 'Join this community to read and write in it.');
  }
  return community;
}

async function communityPage(slug, token) {
  const community = await loadCommunity(slug);
  const [threads, rooms] = await Promise.all([api('GET', `/api/communities/${community.id}/threads`), api('GET', `/api/communities/${community.id}/rooms`)]);
  if (token !== renderToken) return;
  document.title = `${community.name} · Haven`;
  const base = `#/c/${encodeURIComponent(community.slug)}`;

  const title = h('input', { name: 'title', required: true, maxlength: 200 });
  const text = h('textarea', { name: 'text', required: true, rows: 5 });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Post thread');
  const newThread = h('form', {
    class: 'card compose',
    onsubmit: async (e) => {
      e.preventDefault();
      submit.disabled = true;
      formError.textContent = '';
      try {
        const result = await api('POST', `/api/communities/${community.id}/threads`, { title: title.value, text: text.value });
        if (result.crisisResources) showCrisis(result.crisisResources);
        location.hash = `${base}/t/${result.message.threadId}`;
      } catch (err) {
        formError.textContent = errorText(err);
        submit.disabled = false;
      }
    },
  }, h('h2', null, 'Start a thread'),
  field('Title', title),
  field('Your message', text, 'Please do not share names, phone numbers or addresses — yours or anyone else’s.'),
  formError, submit);

  mount(main,
    crumbs(['Communities', '#/'], [community.name]),
    h('div', { class: 'community-head' },
      h('h1', null, community.name),
      community.description ? h('p', { class: 'muted lede' }, community.description) : null,
      community.membership?.role === 'moderator' || me.isAdmin ? h('p', null, h('a', { href: `/console?community=${encodeURIComponent(community.id)}` }, 'Open the review queue for this community')) : null),
    h('div', { class: 'community-grid' },
      h('section', { class: 'forum', 'aria-labelledby': 'forum-h' },
        h('h2', { id: 'forum-h' }, 'Forum'),
        threads.length === 0 ? h('p', { class: 'muted' }, 'No threads yet. Start the first one.') : null,
        h('ul', { class: 'thread-list' }, threads.map((t) => {
          const own = isOwn(t.opening);
          return h('li', { class: 'thread-row' },
            h('a', { class: 'thread-link', href: `${base}/t/${t.id}` }, t.opening.title ?? '(untitled)'),
            h('p', { class: 'thread-meta' }, `by ${t.opening.author.handle}`, t.opening.author.clinician ? ' (verified clinician)' : '', ` · active ${ago(t.lastActivityAt)}`,
              own && t.opening.status !== 'published' ? [' · ', statusChip(t.opening.status)] : null));
        })),
        newThread),
      h('section', { class: 'rooms', 'aria-labelledby': 'rooms-h' },
        h('h2', { id: 'rooms-h' }, 'Live chat'),
        rooms.length === 0 ? h('p', { class: 'muted' }, 'No chat rooms yet.') : null,
        h('ul', { class: 'room-list' }, rooms.map((r) => h('li', null, h('a', { class: 'room-link', href: `${base}/r/${r.id}` }, h('span', { 'aria-hidden': 'true' }, '# '), r.name)))))));
}

/** Composer shared by thread replies and chat: Enter sends in chat, Ctrl+Enter in both. */
function composer({ label, placeholder, chat, send }) {
  const text = h('textarea', { name: 'text', rows: chat ? 2 : 4, required: true, placeholder, maxlength: 10000 });
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { class: 'btn btn-primary', type: 'submit' }, 'Send');
  const form = h('form', {
    class: `compose${chat ? ' compose-chat' : ' card'}`,
    onsubmit: async (e) => {
      e.preventDefault();
      if (!text.value.trim()) return;
      submit.disabled = true;
      formError.textContent = '';
      try {
        await send(text.value);
        text.value = '';
      } catch (err) {
        formError.textContent = errorText(err);
      } finally {
        submit.disabled = false;
        if (!document.activeElement || document.activeElement === document.body || form.contains(document.activeElement)) text.focus();
      }
    },
  }, field(label, text, chat ? 'Enter sends, Shift+Enter adds a line.' : undefined), h('div', { class: 'compose-row' }, formError, submit));
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || (chat && !e.shiftKey))) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  return { form, text };
}

function afterSend(result) {
  current?.list.upsert(result.message);
  if (result.crisisResources) showCrisis(result.crisisResources);
  if (result.message.status === 'held') announce('Your message is waiting for a volunteer moderator.', { tone: 'info' });
  else if (result.message.status === 'rejected') announce('Your message was not published. The reason is shown under it.', { tone: 'warn' });
  else if (result.message.status === 'published_redacted') announce('Published, with some details hidden. The reason is shown under it.', { tone: 'info' });
}

async function threadPage(slug, threadId, token) {
  const community = await loadCommunity(slug);
  const thread = await api('GET', `/api/threads/${encodeURIComponent(threadId)}`);
  if (token !== renderToken) return;
  const opening = thread.messages[0];
  const base = `#/c/${encodeURIComponent(community.slug)}`;
  document.title = `${opening?.title ?? 'Thread'} · ${community.name}`;
  const listEl = h('div', { class: 'messages thread-messages' });
  current = {
    threadId: thread.id, list: new MessageList(listEl, { showTitle: false, emptyText: 'No replies yet.' }),
    refresh: async () => { for (const m of (await api('GET', `/api/threads/${thread.id}`)).messages) current?.list.upsert(m, { quiet: true }); },
  };
  current.list.set(thread.messages);
  live.subscribe({ thread: thread.id });
  const { form } = composer({
    label: 'Reply', chat: false,
    send: async (value) => afterSend(await api('POST', `/api/threads/${thread.id}/messages`, { text: value })),
  });
  mount(main,
    crumbs(['Communities', '#/'], [community.name, base], [opening?.title ?? 'Thread']),
    h('h1', { class: 'thread-title' }, opening?.title ?? 'Thread'),
    listEl,
    form);
}

async function roomPage(slug, roomId, token) {
  const community = await loadCommunity(slug);
  const [rooms, messages] = await Promise.all([api('GET', `/api/communities/${community.id}/rooms`), api('GET', `/api/rooms/${encodeURIComponent(roomId)}/messages`)]);
  if (token !== renderToken) return;
  const room = rooms.find((r) => r.id === roomId);
  const base = `#/c/${encodeURIComponent(community.slug)}`;
  document.title = `#${room?.name ?? 'chat'} · ${community.name}`;
  const listEl = h('div', { class: 'messages chat-log', role: 'log', 'aria-label': `Messages in ${room?.name ?? 'this room'}`, tabindex: '0' });
  current = {
    roomId, list: new MessageList(listEl, { emptyText: 'No messages yet. Say hello.' }),
    refresh: async () => { for (const m of await api('GET', `/api/rooms/${encodeURIComponent(roomId)}/messages`)) current?.list.upsert(m, { quiet: true }); },
  };
  current.list.set(messages);
  live.subscribe({ room: roomId });
  const { form } = composer({
    label: `Message #${room?.name ?? 'chat'}`, chat: true,
    send: async (value) => {
      let result;
      try {
        result = await live.request({ type: 'chat.send', roomId, text: value });
      } catch (err) {
        // Not connected: the same moderation runs over REST.
        if (!(err instanceof ApiError) || (err.code !== 'NOT_READY' && err.code !== 'NETWORK')) throw err;
        result = await api('POST', `/api/rooms/${roomId}/messages`, { text: value });
      }
      afterSend(result);
      listEl.scrollTop = listEl.scrollHeight;
    },
  });
  mount(main,
    crumbs(['Communities', '#/'], [community.name, base], [`#${room?.name ?? 'chat'}`]),
    h('div', { class: 'chat' },
      h('h1', { class: 'room-title' }, h('span', { 'aria-hidden': 'true' }, '# '), room?.name ?? 'Chat'),
      listEl,
      form));
  listEl.scrollTop = listEl.scrollHeight;
}

start().catch((err) => {
  if (err instanceof ApiError && err.status === 401) return;
  mount(main, h('p', { class: 'form-error' }, errorText(err)));
});
