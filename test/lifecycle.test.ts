/**
 * The message lifecycle end to end through real HTTP (inject) and a real WebSocket client:
 * redacted publish, hold invisible to others, moderator approval arriving live.
 */
import t from 'tap';
import { LiveClient, startHarness } from './helpers/harness.js';

t.test('forum and chat lifecycle with live approval', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const { id: communityId, roomId } = await h.community(admin.token, 'long-covid', { wordLists: { hold: ['miracle cure'], block: ['buy followers'], censor: [] } });
  const alice = await h.register('alice');
  const bob = await h.register('bob');
  const mod = await h.register('mod_mary');
  for (const u of [alice, bob, mod]) await h.join(u.token, communityId);
  await h.appoint(admin.token, communityId, mod.id);

  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const bobLive = await LiveClient.connect(address, bob.token, 'header');
  const aliceLive = await LiveClient.connect(address, alice.token);
  const modLive = await LiveClient.connect(address, mod.token);
  t.teardown(() => { bobLive.close(); aliceLive.close(); modLive.close(); });
  bobLive.send({ type: 'subscribe', room: roomId });
  await bobLive.next((e) => e.type === 'subscribed');
  aliceLive.send({ type: 'subscribe', room: roomId });
  await aliceLive.next((e) => e.type === 'subscribed');

  // A forum thread with a phone number is published with the number redacted.
  const thread = await h.api('POST', `/api/communities/${communityId}/threads`, alice.token, {
    title: 'Fatigue after six months', text: 'Anyone else? Text me on (503) 555-0142 if you want to talk.',
  });
  t.equal(thread.statusCode, 201);
  const opening = thread.json().message;
  t.equal(opening.status, 'published_redacted');
  t.equal(opening.body, 'Anyone else? Text me on [PHONE] if you want to talk.');
  t.match(opening.reason, /phone number/);
  const threadId = opening.threadId;

  const bobView = await h.api('GET', `/api/threads/${threadId}`, bob.token);
  t.equal(bobView.statusCode, 200);
  t.equal(bobView.json().messages.length, 1);
  t.notOk(bobView.body.includes('555-0142'), 'the original number never reaches another member');
  t.notOk('reason' in bobView.json().messages[0], 'other members do not see moderation reasons');

  // Chat over WebSocket: a clean message reaches the other member live.
  aliceLive.send({ type: 'chat.send', roomId, text: 'Good morning everyone', ref: 'c1' });
  const ack = await aliceLive.next((e) => e.type === 'chat.ack' && e.ref === 'c1');
  t.equal((ack.message as { status: string }).status, 'published');
  const delivered = await bobLive.next((e) => e.type === 'message.published' && (e.message as { body: string }).body === 'Good morning everyone');
  t.equal((delivered.message as { author: { handle: string } }).author.handle, 'alice');

  // A held chat message: invisible to Bob over REST and WebSocket until approved.
  aliceLive.send({ type: 'chat.send', roomId, text: 'I found a miracle cure for brain fog', ref: 'c2' });
  const heldAck = await aliceLive.next((e) => e.type === 'chat.ack' && e.ref === 'c2');
  const held = heldAck.message as { id: string; status: string; reason: string };
  t.equal(held.status, 'held');
  t.match(held.reason, /waiting for a volunteer moderator/);
  const queued = await modLive.next((e) => e.type === 'queue.changed' && e.change === 'added');
  const itemId = (queued.item as { id: string }).id;

  const roomForBob = await h.api('GET', `/api/rooms/${roomId}/messages`, bob.token);
  t.notOk(roomForBob.json().some((m: { id: string }) => m.id === held.id), 'held message not listed for others');
  t.equal((await h.api('GET', `/api/messages/${held.id}`, bob.token)).statusCode, 404, 'held message not readable by id');
  const roomForAlice = await h.api('GET', `/api/rooms/${roomId}/messages`, alice.token);
  t.ok(roomForAlice.json().some((m: { id: string; status: string }) => m.id === held.id && m.status === 'held'), 'the author sees her own held message');

  // The moderator sees it in the queue with findings, claims it and approves it.
  const queue = await h.api('GET', `/api/queue?communityId=${communityId}`, mod.token);
  t.equal(queue.statusCode, 200);
  const listed = queue.json().items.find((i: { id: string }) => i.id === itemId);
  t.ok(listed, 'item is in the queue');
  t.same(listed.findings.map((f: { rule: string }) => f.rule), ['WORDLIST_HOLD']);
  t.equal((await h.api('POST', `/api/queue/${itemId}/decision`, mod.token, { action: 'approve' })).json().code, 'CLAIM_REQUIRED');
  t.equal((await h.api('POST', `/api/queue/${itemId}/claim`, mod.token)).statusCode, 200);
  const decision = await h.api('POST', `/api/queue/${itemId}/decision`, mod.token, { action: 'approve', note: 'fine in context' });
  t.equal(decision.statusCode, 200);
  t.equal(decision.json().messageStatus, 'published');

  const live = await bobLive.next((e) => e.type === 'message.published' && (e.message as { id: string }).id === held.id);
  t.equal((live.message as { body: string }).body, 'I found a miracle cure for brain fog', 'approval arrives live at the other member');
  const statusForAuthor = await aliceLive.next((e) => e.type === 'message.status' && (e.message as { id: string; status: string }).id === held.id && (e.message as { status: string }).status === 'published');
  t.match((statusForAuthor.message as { reason: string }).reason, /moderator approved/);
  t.equal((await h.api('GET', `/api/messages/${held.id}`, bob.token)).statusCode, 200);

  // A blocked message is rejected, with a reason, and never shown.
  const rejected = await h.api('POST', `/api/threads/${threadId}/messages`, alice.token, { text: 'cheap! buy followers here' });
  t.equal(rejected.json().message.status, 'rejected');
  t.match(rejected.json().message.reason, /not published/);
  const after = await h.api('GET', `/api/threads/${threadId}`, bob.token);
  t.equal(after.json().messages.length, 1);

  // Audit: claim and approval recorded, with who, what, when and no text.
  const audit = await h.api('GET', `/api/audit?communityId=${communityId}`, admin.token);
  const actions = audit.json().map((a: { action: string }) => a.action);
  t.ok(actions.includes('queue.claim') && actions.includes('queue.approve'));
  const approveEntry = audit.json().find((a: { action: string }) => a.action === 'queue.approve');
  t.equal(approveEntry.actor.handle, 'mod_mary');
  t.ok(approveEntry.data.noteId, 'the note is referenced by id');
  t.notOk(audit.body.includes('miracle cure'), 'audit entries carry no message text');
});

t.test('thread replies, premoderation of new members, replies to held messages', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const { id: communityId } = await h.community(admin.token, 'hiv-peers', { premoderation: { approvedMessagesRequired: 1 } });
  const newbie = await h.register('newbie');
  const other = await h.register('other');
  await h.join(newbie.token, communityId);
  await h.join(other.token, communityId);
  const first = await h.api('POST', `/api/communities/${communityId}/threads`, newbie.token, { title: 'Hi all', text: 'Just diagnosed last month.' });
  t.equal(first.json().message.status, 'held');
  t.match(first.json().message.reason, /first 1 message/);
  const list = await h.api('GET', `/api/communities/${communityId}/threads`, other.token);
  t.same(list.json(), [], 'a held thread is not listed for others');
  const mine = await h.api('GET', `/api/communities/${communityId}/threads`, newbie.token);
  t.equal(mine.json().length, 1, 'the author sees their own held thread');
  const reply = await h.api('POST', `/api/threads/${first.json().message.threadId}/messages`, other.token, { text: 'Welcome!' });
  t.equal(reply.statusCode, 404, 'cannot reply into a thread whose opening is not visible');

  const items = (await h.api('GET', `/api/queue?communityId=${communityId}`, admin.token)).json().items;
  t.equal(items.length, 1);
  await h.api('POST', `/api/queue/${items[0].id}/claim`, admin.token);
  await h.api('POST', `/api/queue/${items[0].id}/decision`, admin.token, { action: 'approve' });
  const second = await h.api('POST', `/api/threads/${first.json().message.threadId}/messages`, newbie.token, { text: 'Thanks for having me.' });
  t.equal(second.json().message.status, 'published', 'after one approval the member posts freely');
  t.equal((await h.api('GET', `/api/communities/${communityId}/threads`, other.token)).json().length, 1);
});
