/** API behind the moderator console: bulk decisions, sanctions, statistics, user search. */
import t from 'tap';
import { startHarness } from './helpers/harness.js';

t.test('bulk decisions, sanctions, stats and user search', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'asthma', { wordLists: { hold: ['steroid'], block: [], censor: [] } });
  const author = await h.register('author');
  const mod = await h.register('mod_z');
  await h.join(author.token, c.id);
  await h.join(mod.token, c.id);
  await h.appoint(admin.token, c.id, mod.id);
  for (const text of ['steroid question one', 'steroid question two', 'steroid question three']) {
    await h.api('POST', `/api/rooms/${c.roomId}/messages`, author.token, { text });
  }
  const items = (await h.api('GET', '/api/queue', mod.token)).json().items as Array<{ id: string }>;
  t.equal(items.length, 3);
  h.clock.now += 30 * 60_000;
  t.equal((await h.api('POST', '/api/queue/bulk', mod.token, { itemIds: [items[0]!.id], action: 'reject' })).json().code, 'REASON_REQUIRED');
  // Another moderator holds one of them: bulk skips it and reports why.
  await h.api('POST', `/api/queue/${items[2]!.id}/claim`, admin.token);
  const bulk = await h.api('POST', '/api/queue/bulk', mod.token, { itemIds: items.map((i) => i.id), action: 'approve' });
  t.same(bulk.json().results.map((r: { ok: boolean; code?: string }) => r.ok ? 'ok' : r.code), ['ok', 'ok', 'CLAIMED_BY_OTHER']);
  const visible = (await h.api('GET', `/api/rooms/${c.roomId}/messages`, mod.token)).json();
  t.equal(visible.filter((m: { status: string }) => m.status === 'published').length, 2);

  const stats = (await h.api('GET', `/api/stats?communityId=${c.id}&days=1`, mod.token)).json();
  t.equal(stats.decided, 2);
  t.equal(stats.medianMinutesToDecision, 30);
  t.same(stats.decisionsByAction, [{ decision: 'approve', n: 2 }]);
  t.equal(stats.queueDepth.at(-1).open, 1);
  t.equal((await h.api('GET', '/api/stats', author.token)).statusCode, 403);

  // Sanctions: a warning, then a mute that stops posting in this community until it ends.
  t.equal((await h.api('POST', `/api/users/${author.id}/sanctions`, author.token, { communityId: c.id, kind: 'warn', reason: 'tone' })).statusCode, 403);
  t.equal((await h.api('POST', `/api/users/${author.id}/sanctions`, mod.token, { communityId: c.id, kind: 'warn', reason: 'please stay on topic' })).statusCode, 201);
  h.clock.now += 60_000;
  const mute = await h.api('POST', `/api/users/${author.id}/sanctions`, mod.token, { communityId: c.id, kind: 'mute', minutes: 60, reason: 'cooling off' });
  t.equal(mute.statusCode, 201);
  const blocked = await h.api('POST', `/api/rooms/${c.roomId}/messages`, author.token, { text: 'hello?' });
  t.equal(blocked.json().code, 'ACCOUNT_MUTED');
  t.equal((await h.api('POST', `/api/users/${author.id}/sanctions`, mod.token, { communityId: c.id, kind: 'suspend', reason: 'x y z' })).statusCode, 403, 'only admins suspend');
  const detail = (await h.api('GET', `/api/queue/${items[2]!.id}`, admin.token)).json();
  t.same(detail.authorHistory.sanctions.map((s: { kind: string }) => s.kind), ['mute', 'warn']);
  t.ok(detail.authorHistory.mutedUntil > h.clock.now);
  h.clock.now += 61 * 60_000;
  t.equal((await h.api('POST', `/api/rooms/${c.roomId}/messages`, author.token, { text: 'back again' })).statusCode, 201, 'the mute ends');
  const audit = (await h.api('GET', `/api/audit?targetId=${author.id}`, admin.token)).json();
  t.same(audit.map((a: { action: string }) => a.action), ['sanction.mute', 'sanction.warn']);

  const suspend = await h.api('POST', `/api/users/${author.id}/sanctions`, admin.token, { communityId: c.id, kind: 'suspend', reason: 'repeated abuse' });
  t.equal(suspend.json().status, 'suspended');
  t.equal((await h.api('GET', '/api/me', author.token)).statusCode, 401, 'a suspended account is logged out');

  const found = (await h.api('GET', '/api/admin/users?q=MOD_', admin.token)).json();
  t.same(found.map((u: { handle: string }) => u.handle), ['mod_z']);
  t.equal((await h.api('GET', '/api/admin/users', mod.token)).statusCode, 403);
});
