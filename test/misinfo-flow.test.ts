/**
 * The misinformation stage in the server, with the real encoder in worker threads: a known
 * false claim is held with the claim and its correction for moderators and a respectful reason
 * for the author; a community can publish with a context note instead, or turn the check off;
 * a missing or corrupt model folder stops the start with a stable error code.
 */
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { startHarness, TEST_KEYS } from './helpers/harness.js';

const CLAIM = 'My aunt says cinnamon cures diabetes, so you can stop your insulin once you take it every day.';
const ACCURATE = 'My endocrinologist said to keep taking my insulin and to check my sugar before meals.';

t.test('held with the matched claim; moderators see score, span and correction', async (t) => {
  // The production setup: the pipeline and the model in a worker thread.
  const h = await startHarness({ models: true, pipelineWorkers: 1 });
  t.teardown(() => h.close());
  const ready = (await h.api('GET', '/health/ready')).json();
  t.ok(ready.stages.includes('misinformation'), 'the stage is loaded at start');

  const admin = await h.admin();
  const c = await h.community(admin.token, 'type1');
  const member = await h.register('sweet_tooth');
  const mod = await h.register('mod_m');
  await h.join(member.token, c.id);
  await h.join(mod.token, c.id);
  await h.appoint(admin.token, c.id, mod.id);

  const held = (await h.api('POST', `/api/communities/${c.id}/threads`, member.token, { title: 'Natural remedies', text: CLAIM })).json().message;
  t.equal(held.status, 'held');
  const finding = held.findings.find((f: { type: string }) => f.type === 'MISINFORMATION');
  t.ok(finding, 'the author sees a MISINFORMATION finding');
  t.match(finding.message, /not a judgement of you/, 'the explanation is respectful');
  t.notOk('detail' in finding, 'the author view carries no score or claim internals');

  const ok = (await h.api('POST', `/api/communities/${c.id}/threads`, member.token, { title: 'Routine', text: ACCURATE })).json().message;
  t.equal(ok.status, 'published', 'accurate information is published');
  t.notOk(ok.findings.some((f: { type: string }) => f.type === 'MISINFORMATION'));

  const queue = (await h.api('GET', '/api/queue', mod.token)).json();
  const item = queue.items.find((i: { messageId: string }) => i.messageId === held.id);
  t.ok(item, 'the held message is in the queue');
  t.match(item.reasons, /MISINFORMATION:MISINFO_/);
  const detail = (await h.api('GET', `/api/queue/${item.id}`, mod.token)).json();
  const f = detail.findings.find((x: { type: string }) => x.type === 'MISINFORMATION');
  t.ok(f.score >= 0.85, `score ${f.score} at or above the default hold threshold`);
  t.equal(f.rule, 'MISINFO_CLAIM_MATCH');
  t.ok(f.detail.correction.length > 20, 'the correction is shown');
  t.ok(f.detail.authority, 'with the authority it rests on');
  t.ok(f.end > f.start && f.end <= CLAIM.length, 'the span lies in the message');
  t.match(CLAIM.slice(f.start, f.end), /cinnamon|insulin/i, 'the span carries the claim');
  t.notOk(h.logs.join('').includes('cinnamon'), 'no message text in the logs');
});

t.test('per-community policy: a context note instead of a hold, or off', async (t) => {
  // The pipeline on the main thread, with the encoder in its own worker pool.
  const h = await startHarness({ models: true, pipelineWorkers: 0 });
  t.teardown(() => h.close());
  const admin = await h.admin();
  const noting = await h.community(admin.token, 'noting', { misinfo: { holdThreshold: 0.999, noteThreshold: 0.5 } });
  const off = await h.community(admin.token, 'off', { misinfo: { enabled: false } });
  const member = await h.register('reader_r');
  await h.join(member.token, noting.id);
  await h.join(member.token, off.id);

  const noted = (await h.api('POST', `/api/rooms/${noting.roomId}/messages`, member.token, { text: CLAIM })).json().message;
  t.equal(noted.status, 'published', 'published under the hold threshold');
  t.ok(noted.notes.some((n: string) => /^Context: /.test(n)), 'with a context note readers see');

  const plain = (await h.api('POST', `/api/rooms/${off.roomId}/messages`, member.token, { text: CLAIM })).json().message;
  t.equal(plain.status, 'published');
  t.same(plain.notes, [], 'no note where the community turned the check off');
});

t.test('a missing or corrupt model folder stops the start with a stable code', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'haven-model-'));
  const base = { dataDir: dir, databaseUrl: `sqlite:${path.join(dir, 'haven.db')}`, encryptionKeys: TEST_KEYS, scryptCost: 1024, models: true, logLevel: 'silent' };

  const empty = path.join(dir, 'empty');
  mkdirSync(empty);
  await t.rejects(buildApp({ config: loadConfig({}, { ...base, encoderDir: empty }) }), { code: 'MODEL_MISSING', message: /HAVEN_MODELS=off/ }, 'no encoder files (pipeline in a worker)');
  await t.rejects(buildApp({ config: loadConfig({}, { ...base, encoderDir: empty, pipelineWorkers: 0 }) }), { code: 'MODEL_MISSING' }, 'no encoder files (pipeline here)');
  await t.rejects(buildApp({ config: loadConfig({}, { ...base, misinfoModelDir: empty }) }), { code: 'MODEL_MISSING' }, 'no head or claims');

  const broken = path.join(dir, 'broken');
  cpSync(path.resolve('models/misinfo'), broken, { recursive: true });
  writeFileSync(path.join(broken, 'head.json'), '{"version":1,"layers":');
  await t.rejects(buildApp({ config: loadConfig({}, { ...base, misinfoModelDir: broken }) }), { code: 'MODEL_CORRUPT' }, 'a truncated head');
  await t.rejects(buildApp({ config: loadConfig({}, { ...base, misinfoModelDir: broken, pipelineWorkers: 0 }) }), { code: 'MODEL_CORRUPT' }, 'a truncated head (pipeline here)');
});
