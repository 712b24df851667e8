/**
 * Private things stay private: no message text, PHI, password or token in logs or audit;
 * originals are sealed at rest, revealed only to the moderator holding the claim (audited),
 * and purged on decision or after retention.
 */
import t from 'tap';
import { createSealer, parseKeys } from '../server/lib/sealed-text.js';
import { LiveClient, PASSWORD, startHarness } from './helpers/harness.js';

const SECRET_TEXT = 'my oncologist said stage three';
const PHONE = '(212) 555-0199';
const EMAIL = 'janedoe77@example.com';

t.test('logs, audit and storage never hold message text, PHI, passwords or tokens', async (t) => {
  const h = await startHarness({ logLevel: 'trace' });
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'oncology', { wordLists: { hold: ['stage three'], block: [], censor: [] } });
  const alice = await h.register('alice');
  const mod = await h.register('mod_m');
  await h.join(alice.token, c.id);
  await h.join(mod.token, c.id);
  await h.appoint(admin.token, c.id, mod.id);
  const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const live = await LiveClient.connect(address, alice.token);
  t.teardown(() => live.close());

  live.send({ type: 'chat.send', roomId: c.roomId, text: `${SECRET_TEXT}, call ${PHONE} or ${EMAIL}`, ref: 'x' });
  const ack = await live.next((e) => e.type === 'chat.ack');
  const message = ack.message as { id: string; status: string; body: string };
  t.equal(message.status, 'held');
  t.notOk(message.body.includes(PHONE) || message.body.includes(EMAIL), 'the stored body is redacted even while held');
  await h.api('POST', `/api/threads/unknown/messages`, alice.token, { text: SECRET_TEXT });
  await h.app.inject({ method: 'POST', url: `/api/rooms/${c.roomId}/messages`, headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' }, payload: `{"text":"${SECRET_TEXT}` });
  await h.api('POST', `/api/rooms/${c.roomId}/messages?token=${alice.token}`, alice.token, { text: `${SECRET_TEXT} ${PHONE}` });

  const item = (await h.api('GET', '/api/queue', mod.token)).json().items[0];
  t.notOk(JSON.stringify(item).includes(PHONE), 'the queue listing shows the redacted text');
  t.equal((await h.api('POST', `/api/queue/${item.id}/reveal`, mod.token, { reason: 'check context' })).json().code, 'CLAIM_REQUIRED');
  await h.api('POST', `/api/queue/${item.id}/claim`, mod.token);
  t.equal((await h.api('POST', `/api/queue/${item.id}/reveal`, admin.token, { reason: 'curious' })).json().code, 'CLAIM_REQUIRED', 'only the claim holder may reveal');
  const revealed = await h.api('POST', `/api/queue/${item.id}/reveal`, mod.token, { reason: 'check context' });
  t.equal(revealed.statusCode, 200);
  t.ok(revealed.json().text.includes(PHONE), 'the claim holder sees the original');
  await h.api('POST', `/api/queue/${item.id}/notes`, mod.token, { text: 'member seems ok' });
  await h.api('POST', `/api/queue/${item.id}/decision`, mod.token, { action: 'edit_approve', text: 'my oncologist gave me news today' });
  t.equal((await h.api('POST', `/api/queue/${item.id}/reveal`, mod.token, { reason: 'again' })).statusCode, 409, 'nothing to reveal once decided');

  const audit = (await h.api('GET', '/api/audit', admin.token)).json();
  t.ok(audit.some((a: { action: string; actor: { handle: string } }) => a.action === 'message.reveal' && a.actor.handle === 'mod_m'), 'the reveal is audited');
  const auditText = JSON.stringify(audit);

  const row = (await h.query('select original_enc, body from messages where id = ?', [message.id]))[0]!;
  t.equal(row.original_enc, null, 'the original is purged once the item is decided');
  const stored = JSON.stringify(await h.query('select * from messages'));

  const logText = h.logs.join('');
  t.ok(logText.length > 1000, 'logging was active');
  for (const secret of [SECRET_TEXT, PHONE, EMAIL, '555-0199', PASSWORD, alice.token, admin.token, mod.token]) {
    t.notOk(logText.includes(secret), `logs do not contain ${secret.slice(0, 6)}…`);
    t.notOk(auditText.includes(secret), `audit does not contain ${secret.slice(0, 6)}…`);
  }
  t.notOk(stored.includes(PHONE) || stored.includes(EMAIL), 'no stored message holds the PHI in clear text');
});

t.test('sealed originals: AES-256-GCM, rotation, tamper detection, retention purge', async (t) => {
  const k1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
  const k2 = `k2:${Buffer.alloc(32, 2).toString('base64')}`;
  const old = createSealer(parseKeys(k1));
  const sealed = old.seal('call me on 555 0100');
  t.notOk(sealed.includes('555'));
  const rotated = createSealer(parseKeys(`${k2},${k1}`));
  t.equal(rotated.open(sealed), 'call me on 555 0100', 'a rotated key set still reads old items');
  t.match(rotated.seal('x'), /^v1:k2:/, 'new items use the first key');
  const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
  t.throws(() => rotated.open(tampered), { code: 'SEALED_TEXT_UNREADABLE' });
  t.throws(() => parseKeys('k3:short'), /32 bytes/);

  const h = await startHarness({ originalRetentionHours: 1, encryptionKeys: k1 });
  t.teardown(() => h.close());
  const admin = await h.admin();
  const c = await h.community(admin.token, 'lupus');
  const alice = await h.register('alice');
  await h.join(alice.token, c.id);
  const posted = (await h.api('POST', `/api/rooms/${c.roomId}/messages`, alice.token, { text: 'email me at a.b@example.org' })).json().message;
  t.equal(posted.status, 'published_redacted');
  t.ok(await h.app.repos.messages.byId(posted.id).then((m) => m?.originalEnc), 'original kept (sealed) within retention');
  t.equal(await h.app.repos.messages.purgeOriginals(h.clock.now - 3_600_000), 0);
  h.clock.now += 2 * 3_600_000;
  t.equal(await h.app.repos.messages.purgeOriginals(h.clock.now - 3_600_000), 1);
  t.equal((await h.app.repos.messages.byId(posted.id))?.originalEnc, null);
});
