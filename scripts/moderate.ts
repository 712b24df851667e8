/**
 * `npm run --silent moderate`: runs the moderation pipeline without the server.
 * Reads JSON Lines on stdin, one message per line:
 *   {"id":"…","text":"…","author_role":"member|clinician|moderator","question":"optional"}
 * and writes one JSON line per input line on stdout:
 *   {"id":"…","action":"publish|redact|hold|reject","published_text":"…","findings":[…],"ms":0.0}
 * A bad line gets {"id":…,"error":{"code":"…","message":"…"}} and the run goes on.
 * This contract is relied on by evaluation tools: extend it, never rename fields.
 */
import { createInterface } from 'node:readline';
import { createPipeline, defaultPolicy, defaultStages, withModelStages, type AuthorRole, type Stage } from '../moderation/index.js';
import { loadEncoder } from '../moderation/misinfo/encoder.js';

const ROLES: ReadonlySet<string> = new Set(['member', 'clinician', 'moderator', 'admin']);
const MAX_TEXT = 100_000;

function parseLine(line: string): { ok: true; id: unknown; text: string; role: AuthorRole; question?: string } | { ok: false; id: unknown; code: string; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { ok: false, id: null, code: 'INVALID_JSON', message: 'The line is not valid JSON.' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, id: null, code: 'INVALID_INPUT', message: 'Each line must be a JSON object.' };
  }
  const obj = value as Record<string, unknown>;
  const id = obj.id ?? null;
  if (typeof obj.text !== 'string') return { ok: false, id, code: 'MISSING_TEXT', message: '"text" must be a string.' };
  if (obj.text.length > MAX_TEXT) return { ok: false, id, code: 'TEXT_TOO_LONG', message: `"text" is longer than ${MAX_TEXT} characters.` };
  const role = obj.author_role ?? 'member';
  if (typeof role !== 'string' || !ROLES.has(role)) {
    return { ok: false, id, code: 'INVALID_ROLE', message: '"author_role" must be member, clinician or moderator.' };
  }
  if (obj.question !== undefined && obj.question !== null && typeof obj.question !== 'string') {
    return { ok: false, id, code: 'INVALID_QUESTION', message: '"question" must be a string when given.' };
  }
  return { ok: true, id, text: obj.text, role: role as AuthorRole, ...(typeof obj.question === 'string' ? { question: obj.question } : {}) };
}

/**
 * The server's stages: the rule stages plus the model-based ones (misinformation, and the crisis
 * classifier beside the crisis rules), with the encoder in this process. `HAVEN_MODELS=off` leaves the model out, as on the server.
 */
async function loadStages(): Promise<{ stages: Stage[]; close(): Promise<void> }> {
  if (/^(0|off|false|no)$/i.test(process.env.HAVEN_MODELS ?? '')) return { stages: defaultStages(), close: async () => undefined };
  const encoder = await loadEncoder();
  const model = await withModelStages(encoder, { timeoutMs: 30_000 });
  return {
    stages: model.stages,
    close: async () => {
      await model.close();
      await encoder.close();
    },
  };
}

async function main(): Promise<void> {
  const loaded = await loadStages();
  const pipeline = createPipeline(loaded.stages, { stageTimeoutMs: Number(process.env.HAVEN_STAGE_TIMEOUT_MS ?? 5000) });
  const policy = defaultPolicy();
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const raw of rl) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const parsed = parseLine(line);
    if (!parsed.ok) {
      process.stdout.write(JSON.stringify({ id: parsed.id, error: { code: parsed.code, message: parsed.message } }) + '\n');
      continue;
    }
    const result = await pipeline.moderate({
      text: parsed.text,
      authorRole: parsed.role,
      policy,
      ...(parsed.question !== undefined ? { replyTo: { text: parsed.question } } : {}),
      now: Date.now(),
    });
    const out = {
      id: parsed.id,
      action: result.action,
      published_text: result.publishedText,
      findings: result.findings.map(({ stage, type, start, end, score, rule, message, detail }) => ({
        stage, type, start, end, score, rule, message, ...(detail ? { detail } : {}),
      })),
      reason: result.reason,
      ...(result.notes.length ? { notes: result.notes } : {}),
      ...(result.urgent ? { urgent: true } : {}),
      ms: result.ms,
    };
    process.stdout.write(JSON.stringify(out) + '\n');
  }
  await loaded.close();
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown })?.code;
  process.stderr.write(`moderate: ${typeof code === 'string' ? `(${code}) ` : ''}${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
