/**
 * Queue pages come out in priority order (urgent, riskiest, oldest) or oldest first, whether
 * they are read as merged per-community index pages (a moderator's few communities) or as one
 * sorted query (an admin over many), on SQLite and PostgreSQL alike.
 */
import t from 'tap';
import { startHarness } from './helpers/harness.js';

t.test('priority and age order, merged pages and the single query agree', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const member = await h.register('poster_p');
  const communities: string[] = [];
  for (let i = 0; i < 34; i++) {
    const c = await h.community(admin.token, `c${i}`, { wordLists: { hold: ['review me'], block: [], censor: [] } });
    await h.join(member.token, c.id);
    communities.push(c.id);
    await h.api('POST', `/api/rooms/${c.roomId}/messages`, member.token, { text: `please review me ${i}` });
    h.clock.now += 1000;
  }
  const items = await h.query('SELECT id, community_id FROM queue_items');
  t.equal(items.length, 34);
  // Vary urgency and risk so the order is decided by more than age.
  for (const [i, item] of items.entries()) {
    await h.app.repos.queue.update(item.id as string, { urgent: i % 7 === 0, risk: (i % 5) / 5 });
  }
  const all = await Promise.all(items.map((i) => h.app.repos.queue.byId(i.id as string)));
  const priority = [...all].sort((a, b) => Number(b!.urgent) - Number(a!.urgent) || b!.risk - a!.risk || a!.createdAt - b!.createdAt);
  const oldest = [...all].sort((a, b) => a!.createdAt - b!.createdAt);

  const status: Array<'open' | 'escalated'> = ['open', 'escalated'];
  const single = await h.app.repos.queue.list({ communityIds: communities, status, limit: 20, sort: 'priority' });
  t.same(single.map((r) => r.id), priority.slice(0, 20).map((r) => r!.id), 'many communities: one sorted query');
  const few = communities.slice(0, 5);
  const merged = await h.app.repos.queue.list({ communityIds: few, status, limit: 3, sort: 'priority' });
  t.same(merged.map((r) => r.id), priority.filter((r) => few.includes(r!.communityId)).slice(0, 3).map((r) => r!.id), 'few communities: merged index pages');
  const mergedOld = await h.app.repos.queue.list({ communityIds: few, status, limit: 4, sort: 'oldest' });
  t.same(mergedOld.map((r) => r.id), oldest.filter((r) => few.includes(r!.communityId)).slice(0, 4).map((r) => r!.id), 'oldest first');
  const urgentOnly = await h.app.repos.queue.list({ communityIds: few, status, limit: 10, sort: 'priority', urgentOnly: true });
  t.ok(urgentOnly.every((r) => r.urgent), 'filters apply to every page');
});
