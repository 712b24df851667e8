import { readFileSync } from 'node:fs';
import t from 'tap';
import { loadEncoder, pieceWindows, type LoadedEncoder } from '../moderation/misinfo/encoder.js';
import { loadEncoderPool, type EncoderPool } from '../moderation/misinfo/encoder-pool.js';
import type { Encoder } from '../moderation/misinfo/types.js';
import { detectPhi } from '../moderation/phi/detect.js';
import { phiStage } from '../moderation/phi/stage.js';
import { tokenStatesOf } from '../moderation/phi/token-states.js';
import { sharedEncoder } from '../moderation/misinfo/shared-encoder.js';
import { DEFAULT_TRANSFORMER_TAGGER_MODEL, parseTaggerModel, STATE_DIM, tagTokens, taggerModel, tokenVectors } from '../moderation/phi/tagger.js';
import { createPipeline } from '../moderation/pipeline.js';
import { withModelStages } from '../moderation/stages/index.js';
import { defaultPolicy } from '../moderation/policy.js';
import type { CommunityPolicy, StageInput } from '../moderation/types.js';

// The tagger's transformer variant: the real encoder (models/use-lite, token_states output) and the real model
// (models/phi-tagger/model-transformer.json). Every sentence here was written for these tests.
let encoder: LoadedEncoder;
let pool: EncoderPool;
t.before(async () => {
  [encoder, pool] = await Promise.all([loadEncoder(), loadEncoderPool({ workers: 1 })]);
});
t.teardown(async () => {
  await encoder?.close();
  await pool?.close();
});

const withStates = async (text: string) => detectPhi(text, { tokenStates: (await tokenStatesOf(encoder, [text]))[0]! });

t.test('token states: every piece maps back to the characters it came from', async (t) => {
  const text = 'Ask Ewelina Strömberg about the café on 12 Main St.\nShe knows.';
  const [s] = await encoder.tokenStates([text]);
  t.equal(s!.states.length, s!.starts.length * STATE_DIM, 'one 512-d state per piece');
  const joined = Array.from(s!.starts, (a, k) => text.slice(a, s!.ends[k])).join('');
  t.equal(joined, text.replace(/ /g, ''), 'the pieces cover the text (spaces are the pieces\' boundary marks)');
  t.ok(s!.states.every(Number.isFinite), 'finite states');
  const vectors = tokenVectors(tagTokens(text), s!);
  t.ok(vectors.every((v) => v && Math.abs(Math.hypot(...v) - 1) < 1e-4), 'each tagger token gets a unit vector');
});

t.test('a text longer than the model reads in windows, and short texts read the same alone or in a batch', async (t) => {
  const sentence = 'We drove from Tromsø to see Dr. Abernathy-Quist about the new pump settings. ';
  const long = sentence.repeat(12);
  const [s] = await encoder.tokenStates([long]);
  t.ok(s!.starts.length > 128, `${s!.starts.length} pieces, more than one window`);
  const windows = pieceWindows(long, s!.starts, s!.ends, 128);
  t.ok(windows.length >= 2 && windows.every(([a, b]) => b - a <= 128), 'windows of at most 128 pieces');
  t.ok(windows.slice(0, -1).every(([, b]) => /[.!?]$/.test(long.slice(s!.starts[b - 1]!, s!.ends[b - 1]!))), 'cut after a sentence end');
  t.equal(s!.states.length, s!.starts.length * STATE_DIM);
  const spans = detectPhi(long, { tokenStates: s! });
  t.ok(spans.filter((x) => x.type === 'LOCATION').length >= 10, 'the town is found in every window');

  const short = ['Ask Mehmet.', 'Radomir makes the best soup.'];
  const together = await encoder.tokenStates(short);
  const alone = await encoder.tokenStates([short[1]!]);
  const a = together[1]!.states;
  const b = alone[0]!.states;
  t.equal(a.length, b.length);
  t.ok(a.every((x, i) => Math.abs(x - b[i]!) < 1e-3), 'same states');
});

t.test('the worker pool gives the same token states as the in-process encoder', async (t) => {
  const texts = ['Has anyone heard from Ewelina since her surgery?', 'ok', ''];
  const [fromPool, fromHere, vectors] = await Promise.all([pool.tokenStates(texts), encoder.tokenStates(texts), pool.embed(texts)]);
  t.equal(vectors.length, 3, 'sentence vectors and token states can be asked for at the same time');
  t.equal(fromPool.length, 3);
  fromPool.forEach((s, i) => {
    t.same(Array.from(s.starts), Array.from(fromHere[i]!.starts), `text ${i}: same pieces`);
    t.ok(s.states.every((x, j) => Math.abs(x - fromHere[i]!.states[j]!) < 1e-4), `text ${i}: same states`);
  });
  t.equal(fromPool[2]!.starts.length, 0, 'an empty text has no pieces');
});

t.test('the committed transformer model loads; a broken dense layer is refused', async (t) => {
  const model = taggerModel(true);
  t.ok(model.dense && model.dense.length === model.tags.length * STATE_DIM, 'one row of 512 weights per tag');
  const file = JSON.parse(readFileSync(DEFAULT_TRANSFORMER_TAGGER_MODEL, 'utf8')) as { dense: number[][] };
  t.throws(() => parseTaggerModel(JSON.stringify({ ...file, dense: file.dense.slice(1) })), /dense layer/);
  t.throws(() => parseTaggerModel(JSON.stringify({ ...file, dense: [[1, 2], ...file.dense.slice(1)] })), /dense layer/);
});

t.test('with the encoder, names without a cue are found and ordinary words are not', async (t) => {
  // Different names and sentences from test/phi-tagger.test.ts, never trained on.
  const cases: Array<[string, string]> = [
    ['Does anyone know if Halvard is coming to the walk on Sunday?', 'Halvard'],
    ['Honestly Nwachukwu gave the clearest answer in the whole thread.', 'Nwachukwu'],
    ['Apparently Zdenka switched to the closed-loop system last month.', 'Zdenka'],
    ['I was sitting next to Tomasz at infusion and he was lovely.', 'Tomasz'],
    ['Last week Ingeborg and I compared our sensor readings.', 'Ingeborg'],
    ['It was Adaeze who found the charity that paid for my strips.', 'Adaeze'],
    ['Please pass my thanks to Kristófer for the recipe.', 'Kristófer'],
    ['Yesterday Yevgenia brought her therapy dog to group.', 'Yevgenia'],
  ];
  let found = 0;
  for (const [text, name] of cases) if ((await withStates(text)).some((s) => s.type === 'PERSON' && text.slice(s.start, s.end).includes(name))) found++;
  t.ok(found >= 6, `${found} of ${cases.length} names found`);
  const ordinary = [
    'Hope everyone has a gentle weekend, the heat has been brutal.',
    'Metformin upset my stomach for the first two weeks, then it settled.',
    'My Hashimoto\'s flares when I sleep badly, does anyone else notice that?',
    'Took 12 units of Humalog at 7pm and my sugar was 145 two hours later.',
    'The CDC page on long COVID has a good section on pacing.',
    'Grace and patience are what I need most right now.',
  ];
  for (const text of ordinary) t.same((await withStates(text)).filter((s) => s.source.startsWith('tagger.')), [], text);
});

t.test('the stage reads token states through the encoder, and runs without them when the encoder fails or is slow', async (t) => {
  const input = (text: string): StageInput => ({ text, authorRole: 'member', policy: defaultPolicy() as CommunityPolicy, now: 0 });
  let asked = 0;
  const counting: Encoder = { dim: 512, embed: (x) => encoder.embed(x), tokenStates: (x) => (asked++, encoder.tokenStates(x)), close: async () => undefined };
  const text = 'Has anyone heard from Zdenka since the hospital moved her?';
  const r = await createPipeline([phiStage({ encoder: counting })], { stageTimeoutMs: 5000 }).moderate(input(text));
  t.equal(asked, 1, 'the stage asked the encoder once');
  t.equal(r.action, 'hold', "another person's name holds the message");
  t.ok(r.findings.some((f) => f.type === 'PERSON'));

  const failing: Encoder = { dim: 512, embed: async () => [], tokenStates: async () => { throw new Error('worker lost'); }, close: async () => undefined };
  const slow: Encoder = { dim: 512, embed: async () => [], tokenStates: () => new Promise(() => undefined), close: async () => undefined };
  const phone = 'Call me on (503) 284-7719 after six.';
  for (const [name, enc] of [['failing', failing], ['slow', slow]] as const) {
    const p = createPipeline([phiStage({ encoder: enc, statesTimeoutMs: 200 })], { stageTimeoutMs: 5000 });
    const out = await p.moderate(input(phone));
    t.equal(out.action, 'redact', `${name} encoder: the rules still redact the phone number`);
    t.notOk(out.findings.some((f) => f.type === 'STAGE_ERROR'), `${name} encoder: no stage failure`);
  }
});

t.test('the model stages read token states for PHI unless configured off (HAVEN_PHI_TRANSFORMER)', async (t) => {
  const input: StageInput = { text: 'Has anyone heard from Zdenka since the hospital moved her?', authorRole: 'member', policy: defaultPolicy() as CommunityPolicy, now: 0 };
  for (const phiTransformer of [true, false]) {
    let asked = 0;
    const counting: Encoder = { dim: 512, embed: (x) => encoder.embed(x), tokenStates: (x) => (asked++, encoder.tokenStates(x)), close: async () => undefined };
    const model = await withModelStages(counting, { timeoutMs: 5000, phiTransformer });
    const phi = model.stages.find((s) => s.name === 'phi')!;
    await phi.run(input);
    t.equal(asked, phiTransformer ? 1 : 0, `phiTransformer ${phiTransformer}: token states asked ${asked} time(s)`);
    await model.close();
  }
});

t.test('PHI, misinformation and crisis share one encoder run for a message that fits one window', async (t) => {
  const input = (text: string): StageInput => ({ text, authorRole: 'member', policy: defaultPolicy() as CommunityPolicy, now: 0 });
  const counting = () => {
    const calls = { embedded: [] as string[], states: [] as string[] };
    const enc: Encoder = {
      dim: 512,
      embed: (x) => (calls.embedded.push(...x), encoder.embed(x)),
      tokenStates: (x) => (calls.states.push(...x), encoder.tokenStates(x)),
      close: async () => undefined,
    };
    return { calls, enc };
  };
  const texts = [
    '  Has anyone heard from Zdenka since the hospital moved her?  ',
    'Cinnamon cures diabetes, so you can stop your insulin.',
    'I do not want to be here anymore and I have a plan.',
  ];
  for (const text of texts) {
    const shared = counting();
    const withStates = await withModelStages(shared.enc, { timeoutMs: 5000 });
    const separate = counting();
    const without = await withModelStages(separate.enc, { timeoutMs: 5000, phiTransformer: false });
    const a = await createPipeline(withStates.stages, { stageTimeoutMs: 5000 }).moderate(input(text));
    const b = await createPipeline(without.stages, { stageTimeoutMs: 5000 }).moderate(input(text));
    t.same(shared.calls.states, [text.trim()], 'one token-states run, on the trimmed text');
    t.notOk(shared.calls.embedded.includes(text.trim()), 'the whole message is not embedded again');
    t.ok(separate.calls.embedded.includes(text.trim()), 'without token states it is embedded');
    t.equal(a.action, b.action, `same decision with and without sharing (${a.action})`);
    const model = (r: typeof a) => r.findings.filter((f) => f.stage !== 'phi').map((f) => [f.stage, f.rule, f.score.toFixed(2)]);
    t.same(model(a), model(b), 'the misinformation and crisis findings are the same');
    await withStates.close();
    await without.close();
  }
  const shared = counting();
  const stages = await withModelStages(shared.enc, { timeoutMs: 5000 });
  const text = '  Has anyone heard from Zdenka since the hospital moved her?  ';
  const r = await createPipeline(stages.stages, { stageTimeoutMs: 5000 }).moderate(input(text));
  const person = r.findings.find((f) => f.type === 'PERSON');
  t.equal(person && text.slice(person.start, person.end), 'Zdenka', 'offsets are moved back onto the untrimmed text');
  await stages.close();
  // A shared encoder also answers a later embed of a text whose states had no vector (longer than one window).
  const long = 'We drove from Tromsø to the clinic again today. '.repeat(20).trim();
  const se = sharedEncoder(shared.enc);
  const [states] = await Promise.all([se.tokenStates!([long]), se.embed([long])]);
  t.notOk(states![0]!.vector, 'no sentence vector from a windowed run');
  t.equal((await se.embed([long]))[0]!.length, 512);
});
