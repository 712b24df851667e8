/**
 * `npx tsx scripts/bench/diagnose.ts [--messages 1000000]`
 * Reproduces the measurements behind the benchmark's findings, each against a proposed fix,
 * without changing the server:
 *  1. crisis cue regexes compiled with flags 'iu' (as moderation/boundaries/text.ts compileCues
 *     does) against 'i' only, over the benchmark's message mix;
 *  2. the review-queue listing query (as db/repositories/queue.ts list builds it) with today's
 *     `queue_open` index against an index whose column directions match the ORDER BY;
 *  3. the sealed-original purge query (db/repositories/messages.ts purgeOriginals) with and
 *     without a partial index.
 * (2) and (3) run on a scratch SQLite file seeded like the benchmark, deleted afterwards.
 * The SQL here mirrors the repositories' queries; keep it in step with them.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/client.js';
import { compileLexicon, CRISIS_LEXICON_V1 } from '../../moderation/crisis/index.js';
import { makeMix } from './corpus.js';
import { seedMessages } from './seed.js';

const args = process.argv.slice(2);
const messages = Number(args.includes('--messages') ? args[args.indexOf('--messages') + 1] : 1_000_000);
const out: Record<string, unknown> = {};

// 1. Crisis cue regexes: 'iu' against 'i'.
{
  const lex = compileLexicon(CRISIS_LEXICON_V1);
  const cues = lex.kinds.flatMap((k) => k.cues.map((c) => c.re));
  const withoutU = cues.map((re) => {
    try {
      return new RegExp(re.source, re.flags.replace('u', ''));
    } catch {
      return re; // a pattern that needs unicode mode keeps it
    }
  });
  const texts = makeMix(600, 3).map((m) => m.text);
  const time = (res: RegExp[]) => {
    for (const t of texts.slice(0, 50)) res.some((re) => re.test(t));
    let hits = 0;
    const t0 = performance.now();
    for (let r = 0; r < 3; r++) for (const t of texts) if (res.some((re) => re.test(t))) hits++;
    return { msPerMessage: Math.round(((performance.now() - t0) / (3 * texts.length)) * 1000) / 1000, messagesWithACue: hits / 3 };
  };
  out.crisisCues = { cues: cues.length, flagsIU: time(cues), flagsI: time(withoutU) };
}

// 2 and 3. Queue listing and purge on a seeded scratch file.
{
  const dir = mkdtempSync(path.join(os.tmpdir(), 'haven-diagnose-'));
  try {
    const file = path.join(dir, 'haven.db');
    await (await openDatabase(`sqlite:${file}`)).close(); // creates and migrates the schema
    const communities = Array.from({ length: 20 }, (_, i) => ({
      id: `c${i}`, roomIds: [`r${i}`], authorIds: Array.from({ length: 25 }, (_, k) => `u${i}_${k}`), weight: i === 0 ? 12.67 : 1,
    }));
    const seeded = seedMessages({ file, communities, messages, deciderId: 'moderator' });
    const db = new Database(file);
    const timed = (sql: string, params: unknown[], reps = 20) => {
      const stmt = db.prepare(sql);
      stmt.all(...params);
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) stmt.all(...params);
      return {
        ms: Math.round(((performance.now() - t0) / reps) * 1000) / 1000,
        plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail).join('; '),
      };
    };
    const list = 'select * from "queue_items" where ("community_id" in (?) and "status" in (?, ?)) order by "urgent" desc, "risk" desc, "created_at" asc limit ?';
    const listAll = `select * from "queue_items" where ("community_id" in (${communities.map(() => '?').join(', ')}) and "status" in (?, ?)) order by "urgent" desc, "risk" desc, "created_at" asc limit ?`;
    const p1 = ['c0', 'open', 'escalated', 50];
    const pAll = [...communities.map((c) => c.id), 'open', 'escalated', 50];
    const before = { oneCommunity: timed(list, p1), allCommunities: timed(listAll, pAll) };
    db.exec('CREATE INDEX bench_queue_priority ON queue_items (status, community_id, urgent DESC, risk DESC, created_at)');
    const after = { oneCommunity: timed(list, p1), allCommunities: timed(listAll, pAll) };
    db.exec('DROP INDEX bench_queue_priority');
    out.queueList = { openItems: seeded.queueOpen, openInCommunity: seeded.perCommunity.c0?.queueOpen, today: before, withIndexStatusCommunityUrgentDescRiskDescCreated: after };

    const purge = "select count(*) from messages where original_enc is not null and created_at <= ? and status <> 'pending'";
    const cut = [Date.now() - 720 * 3_600_000];
    const purgeBefore = timed(purge, cut, 3);
    db.exec('CREATE INDEX bench_messages_sealed ON messages (created_at) WHERE original_enc IS NOT NULL');
    out.purgeScan = { messages: seeded.messages, today: purgeBefore, withPartialIndexOnCreatedAtWhereOriginalEncNotNull: timed(purge, cut, 3) };
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
