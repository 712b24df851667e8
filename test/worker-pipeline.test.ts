/**
 * The pipeline in worker threads gives the same results as on the main thread, keeps the
 * stage names, holds (never publishes) messages whose worker crashed, replaces the worker,
 * and finishes accepted work before it closes.
 */
import t from 'tap';
import { createPipeline, defaultPolicy, defaultStages, type StageInput } from '../moderation/index.js';
import { loadConfig } from '../server/config.js';
import { startWorkerPipeline } from '../server/pipeline/worker-pipeline.js';

const config = loadConfig({}, { dataDir: '/tmp/haven-worker-test', models: false, pipelineWorkers: 1 });
const input = (text: string): StageInput => ({ text, authorRole: 'member', policy: defaultPolicy(), now: Date.now() });
const TEXTS = [
  'Thanks everyone, my A1c came down this month.',
  'Call me on 415-555-0132 if you want to talk.',
  'I have my pills saved up and I want to end my life tonight.',
];

t.test('same outcome as the main-thread pipeline', async (t) => {
  const workers = await startWorkerPipeline(config, { workers: 2 });
  t.teardown(() => workers.close());
  const here = createPipeline(defaultStages(), { stageTimeoutMs: config.stageTimeoutMs });
  t.same(workers.stageNames, here.stageNames, 'same stages, same order');
  for (const text of TEXTS) {
    const [a, b] = await Promise.all([workers.moderate(input(text)), here.moderate(input(text))]);
    t.equal(a.action, b.action, `action for: ${text.slice(0, 20)}…`);
    t.same(a.findings.map((f) => [f.type, f.rule, f.start, f.end]), b.findings.map((f) => [f.type, f.rule, f.start, f.end]));
    t.equal(a.publishedText, b.publishedText);
  }
});

t.test('a crashed worker: its messages are held, a new worker takes over', async (t) => {
  const workers = await startWorkerPipeline(config, { workers: 1 });
  t.teardown(() => workers.close());
  const inFlight = Array.from({ length: 20 }, () => workers.moderate(input(TEXTS[0]!)));
  await workers.terminateWorkerForTest(0);
  const results = await Promise.all(inFlight);
  t.ok(results.every((r) => r.action === 'hold' || r.action === 'publish'), 'every message gets an outcome');
  const lost = results.filter((r) => r.findings.some((f) => f.rule === 'STAGE_FAILED'));
  t.ok(lost.length > 0, 'messages in the crashed worker are held for a person');
  t.ok(lost.every((r) => r.action === 'hold'), 'never published unchecked');
  for (let i = 0; i < 100 && workers.stats().workers === 0; i++) await new Promise((r) => setTimeout(r, 100));
  t.equal(workers.stats().restarts, 1);
  const after = await workers.moderate(input(TEXTS[1]!));
  t.equal(after.action, 'redact', 'the replacement worker moderates');
});

t.test('close finishes accepted work first', async (t) => {
  const workers = await startWorkerPipeline(config, { workers: 1 });
  const pending = Array.from({ length: 30 }, (_, i) => workers.moderate(input(`${TEXTS[i % 3]} (${i})`)));
  await workers.close();
  const results = await Promise.all(pending);
  t.equal(results.length, 30);
  t.notOk(results.some((r) => r.findings.some((f) => f.rule === 'STAGE_FAILED')), 'nothing accepted was dropped');
  const late = await workers.moderate(input('after close'));
  t.equal(late.action, 'hold', 'after close a message is held, not published unchecked');
});

t.test('a stuck worker: the watchdog holds its messages, replaces it, and close still ends', async (t) => {
  // A 1 ms deadline makes every job that is still running at a watchdog tick "stuck".
  const workers = await startWorkerPipeline(config, { workers: 1, jobDeadlineMs: 1 });
  const long = TEXTS.join(' ').repeat(20);
  const results = await Promise.all(Array.from({ length: 400 }, () => workers.moderate(input(long))));
  const held = results.filter((r) => r.findings.some((f) => f.rule === 'STAGE_FAILED'));
  t.ok(held.length > 0, `${held.length} messages past the deadline were held for a person`);
  t.ok(held.every((r) => r.action === 'hold'), 'none published unchecked');
  t.ok(workers.stats().restarts >= 1, 'the stuck worker was replaced');
  await workers.close();
  t.pass('close ends');
});
