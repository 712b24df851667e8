/** Bad input gets a clear 4xx with a stable code, and nothing already accepted is lost. */
import t from 'tap';
import { startHarness } from './helpers/harness.js';

t.test('malformed, oversized and unknown input', async (t) => {
  const h = await startHarness({ maxMessageChars: 2000 });
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'pregnancy');
  const alice = await h.register('alice');
  await h.join(alice.token, c.id);
  const ok = await h.api('POST', `/api/rooms/${c.roomId}/messages`, alice.token, { text: 'first message' });
  t.equal(ok.statusCode, 201);

  const malformed = await h.app.inject({
    method: 'POST', url: `/api/rooms/${c.roomId}/messages`,
    headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' }, payload: '{"text": "my number is 555',
  });
  t.equal(malformed.statusCode, 400);
  t.equal(malformed.json().code, 'INVALID_JSON');
  t.notOk(malformed.body.includes('555'), 'the error does not echo the input');

  const big = await h.api('POST', `/api/rooms/${c.roomId}/messages`, alice.token, { text: 'x'.repeat(2001) });
  t.equal(big.statusCode, 413);
  t.equal(big.json().code, 'TEXT_TOO_LONG');
  const huge = await h.api('POST', `/api/rooms/${c.roomId}/messages`, alice.token, { text: 'x'.repeat(300_000) });
  t.equal(huge.statusCode, 413);
  t.equal(huge.json().code, 'PAYLOAD_TOO_LARGE');

  t.equal((await h.api('POST', `/api/rooms/${c.roomId}/messages`, alice.token, { text: '   ' })).json().code, 'EMPTY_MESSAGE');
  const missing = await h.api('POST', `/api/rooms/${c.roomId}/messages`, alice.token, { txt: 'typo' });
  t.equal(missing.statusCode, 400);
  t.equal(missing.json().code, 'VALIDATION_FAILED');
  t.equal((await h.api('POST', `/api/rooms/${c.roomId}/messages`, alice.token, [1, 2])).json().code, 'VALIDATION_FAILED');

  const unknownRoom = await h.api('POST', '/api/rooms/00000000-0000-0000-0000-000000000000/messages', alice.token, { text: 'hi' });
  t.equal(unknownRoom.statusCode, 404);
  t.equal(unknownRoom.json().code, 'NOT_FOUND');
  t.equal((await h.api('GET', '/api/threads/nope', alice.token)).statusCode, 404);
  t.equal((await h.api('GET', '/api/messages/bad id!', alice.token)).json().code, 'VALIDATION_FAILED');
  t.equal((await h.api('POST', '/api/queue/unknown/claim', admin.token)).statusCode, 404);
  t.equal((await h.api('GET', '/api/nothing-here', alice.token)).json().code, 'ROUTE_NOT_FOUND');
  t.equal((await h.api('POST', `/api/messages/${ok.json().message.id}/reports`, alice.token, { reason: 'because' })).json().code, 'VALIDATION_FAILED');
  const text = await h.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
  t.equal(text.statusCode, 415);
  t.equal(text.json().code, 'UNSUPPORTED_MEDIA_TYPE');

  // Registration errors.
  t.equal((await h.api('POST', '/api/auth/register', undefined, { handle: 'alice', password: 'long enough password' })).json().code, 'HANDLE_TAKEN');
  t.equal((await h.api('POST', '/api/auth/register', undefined, { handle: 'bo', password: 'long enough password' })).json().code, 'VALIDATION_FAILED');
  t.equal((await h.api('POST', '/api/auth/register', undefined, { handle: 'bobby', password: 'short' })).json().code, 'VALIDATION_FAILED');
  t.equal((await h.api('POST', '/api/auth/login', undefined, { handle: 'alice', password: 'wrong password' })).json().code, 'INVALID_CREDENTIALS');
  t.equal((await h.api('POST', '/api/auth/login', undefined, { handle: 'ghost', password: 'wrong password' })).json().code, 'INVALID_CREDENTIALS');

  // Every error body has the same shape.
  for (const res of [malformed, big, missing, unknownRoom]) {
    t.hasStrict(Object.keys(res.json()).sort(), ['code', 'message', 'statusCode']);
  }

  // Nothing accepted was lost along the way.
  const room = (await h.api('GET', `/api/rooms/${c.roomId}/messages`, alice.token)).json();
  t.same(room.map((m: { body: string }) => m.body), ['first message']);
});

t.test('websocket bad input', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'heart');
  const alice = await h.register('alice');
  await h.join(alice.token, c.id);
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const { LiveClient } = await import('./helpers/harness.js');
  const live = await LiveClient.connect(address, alice.token);
  t.teardown(() => live.close());
  live.socket.send('not json');
  t.equal((await live.next((e) => e.code === 'INVALID_JSON')).type, 'error');
  live.send({ type: 'chat.send', roomId: c.roomId, text: 'x'.repeat(20_000), ref: 'big' });
  t.equal((await live.next((e) => e.ref === 'big')).code, 'TEXT_TOO_LONG');
  live.send({ type: 'subscribe', room: '00000000-0000-0000-0000-000000000000' });
  t.equal((await live.next((e) => e.type === 'error' && e.code === 'NOT_FOUND')).type, 'error');
  live.send({ type: 'dance' });
  t.equal((await live.next((e) => e.code === 'UNKNOWN_TYPE')).type, 'error');
  live.send({ type: 'chat.send', roomId: c.roomId, text: 'still here', ref: 'ok' });
  t.equal(((await live.next((e) => e.type === 'chat.ack' && e.ref === 'ok')).message as { status: string }).status, 'published');
});
