/**
 * Crisis response and clinician boundaries through the server: resources reach the author at
 * once, the item jumps the queue as urgent, online moderators are alerted live; clinician
 * replies are checked against the question they answer and carry the disclaimer.
 */
import t from 'tap';
import { LiveClient, startHarness } from './helpers/harness.js';

t.test('a crisis message: resources to the author, urgent queue, live alert', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'chronic-pain', {
    wordLists: { hold: ['flare diary'], block: [], censor: [] },
    crisisResources: ['Call or text 988 (US) any time.', 'In an emergency call 911.'],
  });
  const member = await h.register('tired_of_pain');
  const other = await h.register('other_member');
  const mod = await h.register('night_mod');
  for (const u of [member, other, mod]) await h.join(u.token, c.id);
  await h.appoint(admin.token, c.id, mod.id);
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const author = await LiveClient.connect(address, member.token);
  const moderator = await LiveClient.connect(address, mod.token);
  t.teardown(() => { author.close(); moderator.close(); });

  // An ordinary held item first, so "top of the queue" means something.
  await h.api('POST', `/api/rooms/${c.roomId}/messages`, other.token, { text: 'here is my flare diary template' });
  h.clock.now += 1000;

  author.send({ type: 'chat.send', roomId: c.roomId, text: 'I can\u2019t do this anymore. I have pills saved up and I want to end my life tonight.', ref: 'k' });
  const ack = await author.next((e) => e.type === 'chat.ack' && e.ref === 'k');
  t.same(ack.crisisResources, ['Call or text 988 (US) any time.', 'In an emergency call 911.'], 'resources come back with the acknowledgement');
  const message = ack.message as { id: string; status: string; reason: string; findings: Array<{ type: string }> };
  t.equal(message.status, 'held');
  t.ok(message.findings.some((f) => f.type === 'CRISIS'));
  t.match(message.reason, /988/, 'the reason the author reads points to help');
  const pushed = await author.next((e) => e.type === 'crisis.resources');
  t.equal(pushed.messageId, message.id);

  const alert = await moderator.next((e) => e.type === 'crisis.alert');
  t.equal(alert.messageId, message.id, 'online moderators are alerted live');
  t.ok((alert.kinds as string[]).length > 0, 'the alert names the kind of crisis');

  const queue = (await h.api('GET', '/api/queue', mod.token)).json();
  t.equal(queue.items.length, 2);
  t.equal(queue.items[0].messageId, message.id, 'the crisis item is first');
  t.equal(queue.items[0].urgent, true);
  t.equal(queue.counts.total.urgent, 1);

  // Dark humour and recovery stories do not trigger it.
  for (const text of ['This insurance paperwork is killing me, lol', 'Two years ago I tried to end my life. Today I am grateful I am still here.']) {
    const res = (await h.api('POST', `/api/rooms/${c.roomId}/messages`, other.token, { text })).json();
    t.notOk(res.crisisResources, `no crisis for: ${text.slice(0, 30)}…`);
    t.equal(res.message.status, 'published');
  }
});

t.test('clinician replies: boundary rules with the question as context, disclaimer on the rest', async (t) => {
  const h = await startHarness();
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'type2', { clinicianDisclaimer: 'General information only; ask your own care team.' });
  const patient = await h.register('patient_p');
  const doc = await h.register('nurse_n');
  await h.join(patient.token, c.id);
  await h.join(doc.token, c.id);
  await h.api('POST', `/api/admin/users/${doc.id}/clinician-verification`, admin.token, { fullName: 'N Example', credential: 'RN', jurisdiction: 'Ohio, US', licenceNumber: 'RN-1' });
  const question = (await h.api('POST', `/api/communities/${c.id}/threads`, patient.token, { title: 'Metformin and my stomach', text: 'My stomach is upset since starting metformin. Is that normal?' })).json().message;
  const threadId = question.threadId;

  const general = (await h.api('POST', `/api/threads/${threadId}/messages`, doc.token, { text: 'Stomach upset is a common side effect when starting metformin. Many people find it settles after a few weeks; ask your prescriber whether an extended-release form could help.' })).json().message;
  t.equal(general.status, 'published');
  t.same(general.notes, ['General information only; ask your own care team.'], 'the disclaimer is appended');
  t.equal(general.author.clinician.credential, 'RN');

  const dosing = (await h.api('POST', `/api/threads/${threadId}/messages`, doc.token, { text: 'Stop the metformin and take 500 mg twice a day of the extended-release version instead.' })).json().message;
  t.equal(dosing.status, 'held');
  t.ok(dosing.findings.some((f: { rule: string }) => f.rule === 'SPECIFIC_DOSING'));

  const claim = (await h.api('POST', `/api/threads/${threadId}/messages`, patient.token, { text: 'As a nurse I can tell you that you should double your dose.' })).json().message;
  t.equal(claim.status, 'held', 'an unverified clinician claim is held for review');

  const rules = (await h.api('GET', '/api/moderation/rules', patient.token)).json();
  const ids = rules.boundaryRuleSets.flatMap((s: { rules: Array<{ id: string }> }) => s.rules.map((r) => r.id));
  for (const id of ['INDIVIDUAL_DIAGNOSIS', 'SPECIFIC_DOSING', 'CONTACT_SOLICITATION', 'UNDISCLOSED_PROMOTION', 'PATIENT_CONFIDENTIALITY', 'DISMISS_URGENT', 'GUARANTEE']) {
    t.ok(ids.includes(id), `rule ${id} is published to moderators`);
  }
  t.ok(rules.boundaryRuleSets.every((s: { version: string }) => s.version), 'rule sets are versioned');
  t.ok(rules.stages.includes('crisis') && rules.stages.includes('boundaries'));
  t.ok(claim.findings.some((f: { rule: string }) => f.rule === 'UNVERIFIED_CLINICIAN_CLAIM'));
});
