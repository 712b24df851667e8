/** Who may read and act on what: communities, held items, the queue, claims and admin actions. */
import t from 'tap';
import { startHarness } from './helpers/harness.js';

t.test('members cannot read other communities or held items, nor act as moderators', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const a = await h.community(admin.token, 'cancer-care', { wordLists: { hold: ['urgent help'], block: [], censor: [] } });
  const b = await h.community(admin.token, 'chronic-pain');
  const alice = await h.register('alice');
  const mallory = await h.register('mallory');
  const modA = await h.register('mod_a');
  const modB = await h.register('mod_b');
  await h.join(alice.token, a.id);
  await h.join(mallory.token, b.id);
  await h.join(modA.token, a.id);
  await h.join(modB.token, b.id);
  await h.appoint(admin.token, a.id, modA.id);
  await h.appoint(admin.token, b.id, modB.id);

  const held = (await h.api('POST', `/api/rooms/${a.roomId}/messages`, alice.token, { text: 'need urgent help with my port' })).json().message;
  t.equal(held.status, 'held');

  t.equal((await h.api('GET', `/api/rooms/${a.roomId}/messages`, mallory.token)).json().code, 'NOT_A_MEMBER');
  t.equal((await h.api('GET', `/api/communities/${a.id}/threads`, mallory.token)).statusCode, 403);
  t.equal((await h.api('GET', `/api/messages/${held.id}`, mallory.token)).statusCode, 403);
  t.equal((await h.api('POST', `/api/rooms/${a.roomId}/messages`, mallory.token, { text: 'hello' })).statusCode, 403);

  // Queue: a plain member has none; a moderator of B cannot see or touch A's items.
  t.equal((await h.api('GET', '/api/queue', mallory.token)).statusCode, 403);
  t.equal((await h.api('GET', `/api/queue?communityId=${a.id}`, modB.token)).statusCode, 403);
  const listA = (await h.api('GET', '/api/queue', modA.token)).json();
  t.equal(listA.items.length, 1);
  t.equal(listA.counts.total.open, 1);
  const itemId = listA.items[0].id;
  t.same((await h.api('GET', '/api/queue', modB.token)).json().items, [], 'moderator of B sees none of A');
  for (const [method, url, body] of [
    ['GET', `/api/queue/${itemId}`, undefined],
    ['POST', `/api/queue/${itemId}/claim`, undefined],
    ['POST', `/api/queue/${itemId}/decision`, { action: 'approve' }],
    ['POST', `/api/queue/${itemId}/notes`, { text: 'x' }],
  ] as const) {
    t.equal((await h.api(method, url, modB.token, body)).statusCode, 404, `${method} ${url} hidden from another community's moderator`);
    t.equal((await h.api(method, url, alice.token, body)).statusCode, 404, `${method} ${url} hidden from the author`);
  }

  // Admin-only actions.
  t.equal((await h.api('POST', '/api/communities', modA.token, { slug: 'x-y', name: 'XY' })).statusCode, 403);
  t.equal((await h.api('PUT', `/api/communities/${a.id}/moderators/${alice.id}`, modA.token)).statusCode, 403);
  t.equal((await h.api('PUT', `/api/communities/${a.id}/policy`, modA.token, { policy: {}, reason: 'x' })).statusCode, 403);
  t.equal((await h.api('GET', '/api/audit', alice.token)).statusCode, 403);
  t.equal((await h.api('GET', `/api/audit?communityId=${b.id}`, modA.token)).statusCode, 403);

  // Unauthenticated.
  t.equal((await h.api('GET', '/api/communities')).json().code, 'UNAUTHENTICATED');
  t.equal((await h.api('GET', '/api/communities', 'not-a-token')).statusCode, 401);
});

t.test('two moderators cannot both decide one item; claims expire', async (t) => {
  const h = await startHarness({ claimLeaseSeconds: 60 });
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'diabetes', { wordLists: { hold: ['insulin pump hack'], block: [], censor: [] } });
  const member = await h.register('member1');
  const m1 = await h.register('mod_one');
  const m2 = await h.register('mod_two');
  for (const u of [member, m1, m2]) await h.join(u.token, c.id);
  await h.appoint(admin.token, c.id, m1.id);
  await h.appoint(admin.token, c.id, m2.id);
  await h.api('POST', `/api/rooms/${c.roomId}/messages`, member.token, { text: 'my insulin pump hack works great' });
  const itemId = (await h.api('GET', '/api/queue', m1.token)).json().items[0].id;

  // Both race for the claim: exactly one wins.
  const [r1, r2] = await Promise.all([h.api('POST', `/api/queue/${itemId}/claim`, m1.token), h.api('POST', `/api/queue/${itemId}/claim`, m2.token)]);
  t.same([r1.statusCode, r2.statusCode].sort(), [200, 409]);
  const [winner, loser] = r1.statusCode === 200 ? [m1, m2] : [m2, m1];
  const lost = r1.statusCode === 200 ? r2 : r1;
  t.equal(lost.json().code, 'CLAIMED_BY_OTHER');
  t.ok(lost.json().details.claimedBy, 'the loser is told who holds it');
  t.equal((await h.api('POST', `/api/queue/${itemId}/decision`, loser.token, { action: 'reject', reasonCode: 'spam' })).json().code, 'CLAIM_REQUIRED');

  // After the lease expires, the other moderator can take it over; the first can no longer decide.
  h.clock.now += 61_000;
  t.equal((await h.api('POST', `/api/queue/${itemId}/claim`, loser.token)).statusCode, 200);
  t.equal((await h.api('POST', `/api/queue/${itemId}/decision`, winner.token, { action: 'approve' })).json().code, 'CLAIM_REQUIRED');
  const decided = await h.api('POST', `/api/queue/${itemId}/decision`, loser.token, { action: 'reject', reasonCode: 'boundary' });
  t.equal(decided.statusCode, 200);
  t.equal(decided.json().messageStatus, 'rejected');
  t.equal((await h.api('POST', `/api/queue/${itemId}/claim`, winner.token)).json().code, 'ALREADY_DECIDED');
  t.equal((await h.api('POST', `/api/queue/${itemId}/decision`, loser.token, { action: 'approve' })).statusCode, 409, 'no second decision');

  const audit = (await h.api('GET', `/api/audit?targetId=${itemId}`, admin.token)).json();
  const decisions = audit.filter((a: { action: string }) => a.action.startsWith('queue.') && !['queue.claim', 'queue.release'].includes(a.action));
  t.equal(decisions.length, 1, 'exactly one decision is audited');
  t.equal(decisions[0].reason, 'boundary');

  const mine = (await h.api('GET', `/api/rooms/${c.roomId}/messages`, member.token)).json();
  t.match(mine[0].reason, /individual medical advice/, 'the author reads the reason in plain words');
});

t.test('the audit log is append-only in storage', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  await h.admin();
  await t.rejects(h.query("UPDATE audit_log SET action = 'x'"), /append-only/);
  await t.rejects(h.query('DELETE FROM audit_log'), /append-only/);
  t.ok((await h.query('SELECT count(*) AS n FROM audit_log'))[0]!.n, 'entries are still there');
});
