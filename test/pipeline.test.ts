/** The moderation library on its own: stages, failure handling and the policy decision. */
import t from 'tap';
import { createPipeline, defaultPolicy, defaultStages, resolvePolicy, type Stage, type StageInput } from '../moderation/index.js';

const input = (text: string, extra: Partial<StageInput> = {}): StageInput => ({ text, authorRole: 'member', policy: defaultPolicy(), now: 1_000_000, ...extra });
const pipeline = createPipeline(defaultStages(), { stageTimeoutMs: 1000 });

t.test('word lists: block, hold, censor as whole words, case-insensitive', async (t) => {
  const policy = resolvePolicy({ wordLists: { block: ['scam link'], hold: ['cure'], censor: ['darn'] } });
  const censored = await pipeline.moderate(input('Darn this DARN pump', { policy }));
  t.equal(censored.action, 'redact');
  t.equal(censored.publishedText, '**** this **** pump');
  t.equal((await pipeline.moderate(input('they promised a CURE', { policy }))).action, 'hold');
  t.equal((await pipeline.moderate(input('insecure password', { policy }))).action, 'publish', 'no match inside a word');
  const blocked = await pipeline.moderate(input('click this scam   link now, no cure', { policy }));
  t.equal(blocked.action, 'reject', 'the most severe finding wins');
  t.equal(blocked.publishedText, '');
  t.match(blocked.reason, /not published/);
});

t.test('basic PHI: phone, email, URL, SSN redacted with labels; decoys left alone', async (t) => {
  const r = await pipeline.moderate(input('Reach me at 415-555-2671, jo.smith@example.com, https://myblog.example.com/post?id=3 or SSN 536-22-8841.'));
  t.equal(r.action, 'redact');
  t.equal(r.publishedText, 'Reach me at [PHONE], [EMAIL], [URL] or SSN [SSN].');
  t.same(r.findings.map((f) => f.type).sort(), ['EMAIL', 'PHONE', 'SSN', 'URL']);
  for (const f of r.findings) t.ok(f.end > f.start && f.rule.startsWith('PHI_'));
  const decoys = await pipeline.moderate(input('My A1c went from 9.1 to 6.8 in 2023; I take 500 mg metformin twice a day at 8:30.'));
  t.equal(decoys.action, 'publish');
  t.same(decoys.findings, []);
  t.equal((await pipeline.moderate(input('invalid area 000-12-3456'))).findings.filter((f) => f.type === 'SSN').length, 0, 'SSN area rules apply');
});

t.test('pre-moderation and rate limits use the supplied history', async (t) => {
  const policy = resolvePolicy({ premoderation: { approvedMessagesRequired: 2 }, rateLimit: { maxMessages: 3, windowSeconds: 60, duplicateWindowSeconds: 300 } });
  const newcomer = await pipeline.moderate(input('hello', { policy, history: { approvedCount: 1, recent: [] } }));
  t.equal(newcomer.action, 'hold');
  t.equal(newcomer.findings[0]?.rule, 'NEW_MEMBER_PREMODERATION');
  t.equal((await pipeline.moderate(input('hello', { policy, history: { approvedCount: 2, recent: [] } }))).action, 'publish');
  t.equal((await pipeline.moderate(input('hello', { policy, authorRole: 'moderator', history: { approvedCount: 0, recent: [] } }))).action, 'publish');
  const now = 1_000_000;
  const flood = { approvedCount: 5, recent: [1, 2, 3].map((i) => ({ text: `m${i}`, createdAt: now - i * 1000 })) };
  t.equal((await pipeline.moderate(input('another', { policy, history: flood }))).findings[0]?.rule, 'RATE_LIMIT');
  const dup = await pipeline.moderate(input('Same  thing!', { policy, history: { approvedCount: 5, recent: [{ text: 'same thing', createdAt: now - 10_000 }] } }));
  t.equal(dup.action, 'reject');
  t.equal(dup.findings[0]?.rule, 'DUPLICATE');
  t.equal((await pipeline.moderate(input('Same thing', { policy, history: { approvedCount: 5, recent: [{ text: 'same thing', createdAt: now - 400_000 }] } }))).action, 'publish');
});

t.test('a stage that throws or overruns holds the message', async (t) => {
  const broken: Stage = { name: 'broken', run: () => { throw new Error('model missing'); } };
  const slow: Stage = { name: 'slow', timeoutMs: 20, run: () => new Promise((resolve) => setTimeout(() => resolve([]), 500)) };
  const p = createPipeline([...defaultStages(), broken, slow], { stageTimeoutMs: 1000 });
  const r = await p.moderate(input('a perfectly fine message'));
  t.equal(r.action, 'hold');
  t.same(r.findings.map((f) => `${f.stage}:${f.rule}`).sort(), ['broken:STAGE_FAILED', 'slow:STAGE_TIMEOUT']);
  t.ok(r.stageMs.slow! < 400, 'the pipeline does not wait for the slow stage');
  t.equal(r.publishedText, 'a perfectly fine message');
});

t.test('policy merge keeps defaults and replaces lists', async (t) => {
  const p = resolvePolicy({ wordLists: { hold: ['x'] }, reports: { hideThreshold: 5 } });
  t.same(p.wordLists.hold, ['x']);
  t.same(p.wordLists.block, []);
  t.equal(p.reports.hideThreshold, 5);
  t.equal(p.rateLimit.maxMessages, defaultPolicy().rateLimit.maxMessages);
  t.same(resolvePolicy(null), defaultPolicy());
});

t.test('finding spans map onto the redacted text', async (t) => {
  const { mapSpansToPublished } = await import('../moderation/index.js');
  const policy = resolvePolicy({ wordLists: { hold: ['pump'], block: [], censor: [] } });
  const text = 'Call 415-555-2671 about my pump, or mail a@b.org';
  const r = await pipeline.moderate(input(text, { policy }));
  const mapped = mapSpansToPublished(r.findings);
  const spans = r.findings.map((f, i) => ({ type: f.type, original: text.slice(f.start, f.end), body: r.publishedText.slice(mapped[i]!.start, mapped[i]!.end) }));
  t.same(spans.find((s) => s.type === 'PHONE')?.body, '[PHONE]');
  t.same(spans.find((s) => s.type === 'EMAIL')?.body, '[EMAIL]');
  t.same(spans.find((s) => s.type === 'WORD_LIST'), { type: 'WORD_LIST', original: 'pump', body: 'pump' });
});

t.test('a person in crisis reads help first and only, whatever else was found', async (t) => {
  const misinfoLike: Stage = {
    name: 'claims',
    run: () => [{ stage: 'claims', type: 'MISINFORMATION', start: 0, end: 5, score: 0.9, rule: 'MISINFO_CLASSIFIER', message: 'A health claim in it needs a check.', action: 'hold' }],
  };
  const crisisLike: Stage = {
    name: 'crisis',
    run: () => [{ stage: 'crisis', type: 'CRISIS', start: 0, end: 5, score: 0.99, rule: 'CRISIS_SUICIDAL', message: 'You deserve help right now: call or text 988.', action: 'hold', urgent: true }],
  };
  const input: StageInput = { text: 'words', authorRole: 'member', policy: defaultPolicy(), now: Date.now() };
  const both = await createPipeline([misinfoLike, crisisLike], { stageTimeoutMs: 1000 }).moderate(input);
  t.equal(both.action, 'hold');
  t.equal(both.urgent, true);
  t.match(both.reason, /988/);
  t.notMatch(both.reason, /health claim/, 'no misinformation explanation to a person in crisis');
  t.equal(both.findings.length, 2, 'moderators still see every finding');
  const alone = await createPipeline([misinfoLike], { stageTimeoutMs: 1000 }).moderate(input);
  t.match(alone.reason, /health claim/, 'without a crisis the reason is given as usual');
});
