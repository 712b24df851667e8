import t from 'tap';
import { loadEncoder, type LoadedEncoder } from '../moderation/misinfo/encoder.js';
import { loadEncoderPool, type EncoderPool } from '../moderation/misinfo/encoder-pool.js';

const dot = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

const TEXTS = [
  'I stopped taking metformin because my naturopath said cinnamon cures diabetes.',
  'Day 3 after my knee replacement and the pain is finally manageable.',
  'Does ibuprofen interact with lisinopril?',
  ':) thanks everyone',
  'ok',
  '',
];

let pool: EncoderPool;
let local: LoadedEncoder;
t.before(async () => {
  [pool, local] = await Promise.all([loadEncoderPool({ workers: 2 }), loadEncoder()]);
});
t.teardown(async () => {
  await pool?.close();
  await local?.close();
});

t.test('workers return the same vectors as the in-process encoder, in order', async (t) => {
  t.equal(pool.dim, 512);
  t.equal(pool.stats().workers, 2);
  const [fromPool, fromLocal] = await Promise.all([pool.embed(TEXTS), local.embed(TEXTS)]);
  t.equal(fromPool.length, TEXTS.length);
  fromPool.forEach((v, i) => {
    t.equal(v.length, 512);
    t.ok(dot(v, fromLocal[i]!) > 0.999, `text ${i}`);
  });
});

t.test('concurrent requests are micro-batched and each gets its own vector', async (t) => {
  const before = pool.stats();
  const texts = Array.from({ length: 120 }, (_, i) => `${TEXTS[i % 4]} (message ${i})`);
  const results = await Promise.all(texts.map((x) => pool.embed([x])));
  const after = pool.stats();
  const batches = after.batches - before.batches;
  t.equal(after.texts - before.texts, 120);
  t.ok(batches < 30, `120 single-text requests went out in ${batches} batches`);
  t.ok(after.largestBatch > 1);
  const check = [0, 37, 119];
  const expected = await local.embed(check.map((i) => texts[i]!));
  check.forEach((i, k) => t.ok(dot(results[i]![0]!, expected[k]!) > 0.999, `request ${i}`));
  // different texts really got different vectors
  t.ok(dot(results[0]![0]!, results[1]![0]!) < 0.99);
});

t.test('a lone request on an idle pool is sent at once, alone', async (t) => {
  const before = pool.stats();
  await pool.embed(['just one']);
  const after = pool.stats();
  t.equal(after.batches - before.batches, 1);
  t.equal(after.texts - before.texts, 1);
});

t.test('the event loop keeps running while workers embed', async (t) => {
  let ticks = 0;
  let maxGap = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks++;
  }, 5);
  const big = Array.from({ length: 400 }, (_, i) => `${TEXTS[0]} ${TEXTS[1]} number ${i}`);
  const t0 = performance.now();
  await pool.embed(big);
  const elapsed = performance.now() - t0;
  clearInterval(timer);
  t.ok(ticks >= Math.floor(elapsed / 5 / 4), `${ticks} timer ticks in ${elapsed.toFixed(0)} ms, longest gap ${maxGap.toFixed(1)} ms`);
});

t.test('startup failure in a worker surfaces its code', async (t) => {
  await t.rejects(loadEncoderPool({ workers: 1, modelDir: '/nonexistent/use-lite' }), { code: 'MODEL_MISSING' });
});

t.test('closed pool refuses work; queue limit', async (t) => {
  const p = await loadEncoderPool({ workers: 1, maxQueue: 3 });
  await t.rejects(p.embed(['a', 'b', 'c', 'd']), { code: 'OVERLOADED' });
  const [v] = await p.embed(['a']);
  t.equal(v!.length, 512);
  await p.close();
  await t.rejects(p.embed(['x']), { code: 'ENCODER_CLOSED' });
});
