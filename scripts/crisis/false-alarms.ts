/**
 * `npx tsx scripts/crisis/false-alarms.ts --data PATH [--column NAME] [--limit N]` (CSV, TSV or a .jsonl set)
 * How often the crisis stage fires on ordinary, unlabeled health posts (for example
 * ../shared/data/misinfo-reddit-health/Health_Misinformation_reddit_Dataset.csv, column "text", or
 * ../shared/data/advice-reddit/needadvice_test.tsv, column "Sentence"). Such posts are almost all
 * not crises, so the flag rate is an upper bound on the false-alarm rate on everyday traffic.
 * Prints counts only, never text. Reads the file in place; nothing is copied.
 */
import { createCrisisStage, crisisStage } from '../../moderation/crisis/index.js';
import { defaultPolicy, type Stage } from '../../moderation/index.js';
import { loadEncoder } from '../../moderation/misinfo/encoder.js';
import { loadExamples, readTable } from './data.js';

const args = process.argv.slice(2);
const value = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const path = value('--data');
if (!path) {
  process.stderr.write('usage: false-alarms.ts --data PATH [--column NAME] [--limit N]\n');
  process.exit(2);
}
const limit = Number(value('--limit') ?? Infinity);

async function main(): Promise<void> {
  // A .jsonl labeled set (e.g. test/fixtures/crisis/everyday2.jsonl): its "text" field, labels ignored.
  const { column, texts: all } = path!.endsWith('.jsonl') ? { column: 'text', texts: loadExamples(path!).map((e) => e.text) } : readTable(path!, value('--column'));
  const texts = all.slice(0, limit);
  const encoder = await loadEncoder();
  const stages: Record<string, Stage> = {
    rules: crisisStage(),
    classifier: createCrisisStage({ encoder, rules: false }),
    combined: createCrisisStage({ encoder }),
  };
  const policy = defaultPolicy();
  try {
    process.stdout.write(`data: ${path} (column ${column}): ${texts.length} posts, none labeled; flagged = upper bound on false alarms\n`);
    for (const [name, stage] of Object.entries(stages)) {
      let flagged = 0;
      const perKind = new Map<string, number>();
      for (const text of texts) {
        const fs = await stage.run({ text, authorRole: 'member', policy, now: 0 });
        if (fs.length > 0) flagged++;
        for (const f of fs) perKind.set(String(f.detail?.kind), (perKind.get(String(f.detail?.kind)) ?? 0) + 1);
      }
      const kinds = [...perKind].map(([k, n]) => `${k} ${n}`).join(', ');
      process.stdout.write(`${name.padEnd(11)} flagged ${String(flagged).padStart(5)} / ${texts.length} (${((100 * flagged) / Math.max(1, texts.length)).toFixed(1)}%)${kinds ? `: ${kinds}` : ''}\n`);
    }
  } finally {
    await encoder.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`false-alarms: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
