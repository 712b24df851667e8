/** Reports: every report reaches the queue; enough weight hides the message pending review. */
import t from 'tap';
import { LiveClient, startHarness } from './helpers/harness.js';

t.test('reports hide a message at the threshold and moderators decide', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'ms-support', { reports: { hideThreshold: 2 } });
  const author = await h.register('author');
  const r1 = await h.register('reader_one');
  const r2 = await h.register('reader_two');
  const mod = await h.register('mod_x');
  for (const u of [author, r1, r2, mod]) await h.join(u.token, c.id);
  await h.appoint(admin.token, c.id, mod.id);
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const watcher = await LiveClient.connect(address, r2.token);
  t.teardown(() => watcher.close());
  watcher.send({ type: 'subscribe', room: c.roomId });
  await watcher.next((e) => e.type === 'subscribed');

  const msg = (await h.api('POST', `/api/rooms/${c.roomId}/messages`, author.token, { text: 'Vaccines are a plot, skip them' })).json().message;
  t.equal(msg.status, 'published');
  t.equal((await h.api('POST', `/api/messages/${msg.id}/reports`, author.token, { reason: 'other' })).json().code, 'CANNOT_REPORT_OWN');
  t.same((await h.api('POST', `/api/messages/${msg.id}/reports`, r1.token, { reason: 'misinformation' })).json(), { hidden: false });
  t.same((await h.api('POST', `/api/messages/${msg.id}/reports`, r1.token, { reason: 'misinformation' })).json(), { hidden: false }, 'a second report by the same member adds no weight');
  t.equal((await h.api('GET', `/api/messages/${msg.id}`, r2.token)).statusCode, 200, 'still visible below the threshold');
  const queue = (await h.api('GET', '/api/queue', mod.token)).json();
  t.equal(queue.items.length, 1);
  t.equal(queue.items[0].source, 'report');
  t.same(queue.items[0].reasons, ['REPORT:misinformation']);

  t.same((await h.api('POST', `/api/messages/${msg.id}/reports`, r2.token, { reason: 'misinformation' })).json(), { hidden: true });
  await watcher.next((e) => e.type === 'message.removed' && e.messageId === msg.id);
  t.equal((await h.api('GET', `/api/messages/${msg.id}`, r1.token)).statusCode, 404, 'hidden pending review');
  const own = (await h.api('GET', `/api/messages/${msg.id}`, author.token)).json();
  t.equal(own.status, 'held');
  t.match(own.reason, /reviews reports/);

  const itemId = queue.items[0].id;
  const detail = (await h.api('GET', `/api/queue/${itemId}`, mod.token)).json();
  t.equal(detail.reports.length, 2);
  t.equal(detail.authorHistory.reportsReceived, 2);
  await h.api('POST', `/api/queue/${itemId}/claim`, mod.token);
  const res = await h.api('POST', `/api/queue/${itemId}/decision`, mod.token, { action: 'reject', reasonCode: 'misinformation' });
  t.equal(res.json().messageStatus, 'rejected');
  t.match((await h.api('GET', `/api/messages/${msg.id}`, author.token)).json().reason, /mislead/);
});

t.test('admin verifies and revokes clinicians; the badge shows on their messages', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'kidney');
  const doc = await h.register('dr_kim');
  const member = await h.register('member');
  await h.join(doc.token, c.id);
  await h.join(member.token, c.id);
  const details = { fullName: 'Kim Example', credential: 'MD', jurisdiction: 'Ontario, CA', licenceNumber: 'CPSO-12345' };
  t.equal((await h.api('POST', `/api/admin/users/${doc.id}/clinician-verification`, member.token, details)).statusCode, 403);
  const verified = await h.api('POST', `/api/admin/users/${doc.id}/clinician-verification`, admin.token, details);
  t.equal(verified.statusCode, 201);
  t.equal(verified.json().role, 'clinician');
  const post = (await h.api('POST', `/api/rooms/${c.roomId}/messages`, doc.token, { text: 'General tip: keep a symptom diary.' })).json().message;
  t.same(post.author.clinician, { credential: 'MD', jurisdiction: 'Ontario, CA' });
  const seen = (await h.api('GET', `/api/rooms/${c.roomId}/messages`, member.token)).json();
  t.equal(seen[0].author.clinician.credential, 'MD', 'members see the badge');

  const revoked = await h.api('DELETE', `/api/admin/users/${doc.id}/clinician-verification`, admin.token, { reason: 'licence lapsed' });
  t.equal(revoked.json().role, 'member');
  const audit = (await h.api('GET', `/api/audit?targetId=${doc.id}`, admin.token)).json();
  t.same(audit.map((a: { action: string }) => a.action), ['clinician.revoke', 'clinician.verify']);
  t.notOk(JSON.stringify(audit).includes('CPSO-12345'), 'the licence number is not copied into the audit log');
  const seenAfter = (await h.api('GET', `/api/rooms/${c.roomId}/messages`, member.token)).json();
  t.notOk(seenAfter[0].author.clinician, 'a revoked badge no longer shows');
});
