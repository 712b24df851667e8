/**
 * Writes a large message history straight into a Haven SQLite file with better-sqlite3, for
 * the review-queue benchmark. The app must have created (migrated) the file first and be
 * closed; users, communities and rooms are created through the API beforehand and passed in.
 * Column names follow db/migrations/sqlite/*.sql (the schema source); keep this file in step
 * with them (a PostgreSQL variant would write the same rows with COPY).
 *
 * What is written (shares of `messages`):
 *   held, open in the queue    `heldShare` (default 1.5%; 3% of those urgent)
 *   decided queue items        `decidedShare` (default 3%; 80% approved → published, 20% rejected)
 *   published_redacted         5%
 *   published                  the rest
 * 40% of messages are forum posts in threads (5–40 per thread), 60% chat in rooms. Times are
 * spread over the last 180 days, oldest first; originals older than the retention are purged
 * (NULL), as the server's purge would have done.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { makeMix } from './corpus.js';
import { rng } from './stats.js';

export interface SeedCommunity {
  id: string;
  roomIds: string[];
  authorIds: string[];
  /** Relative share of the messages. */
  weight: number;
}

export interface SeedOptions {
  file: string;
  communities: SeedCommunity[];
  messages: number;
  heldShare?: number;
  decidedShare?: number;
  /** A moderator id recorded as the decider of decided items. */
  deciderId: string;
  now?: number;
  retentionHours?: number;
  seed?: number;
  /** Open item ids to return for this community (claim benchmark). */
  sampleCommunityId?: string;
  sampleSize?: number;
}

export interface SeedResult {
  messages: number;
  threads: number;
  queueOpen: number;
  queueUrgent: number;
  queueDecided: number;
  perCommunity: Record<string, { messages: number; queueOpen: number }>;
  sampleOpenItemIds: string[];
  ms: number;
  fileBytes: number;
}

const DAY = 86_400_000;
const REASONS = ['PHONE:PHI_PHONE', 'EMAIL:PHI_EMAIL', 'WORD_LIST:WORDLIST_HOLD', 'RATE_LIMIT:RATE_LIMIT', 'NAME:PHI_NAME', 'BOUNDARY:CLINICIAN_DOSING', 'MISINFO:MISINFO_CLAIM'];

function redact(text: string): { body: string; findings: string } {
  const findings: unknown[] = [];
  const body = text
    .replace(/[\w.+-]+@[\w-]+\.[\w.]+/g, (m, offset: number) => {
      findings.push({ stage: 'phi', type: 'EMAIL', start: offset, end: offset + m.length, score: 0.95, rule: 'PHI_EMAIL', message: 'We hid an e-mail address to protect your privacy.', action: 'redact', replacement: '[EMAIL]' });
      return '[EMAIL]';
    })
    .replace(/(\+1 )?\(?\d{3}\)?[ -]\d{3}[ -]\d{4}/g, (m, _g: unknown, offset: number) => {
      findings.push({ stage: 'phi', type: 'PHONE', start: offset, end: offset + m.length, score: 0.9, rule: 'PHI_PHONE', message: 'We hid a phone number to protect your privacy.', action: 'redact', replacement: '[PHONE]' });
      return '[PHONE]';
    });
  return { body, findings: JSON.stringify(findings) };
}

export function seedMessages(options: SeedOptions): SeedResult {
  const started = performance.now();
  const r = rng(options.seed ?? 11);
  const now = options.now ?? Date.now();
  const heldShare = options.heldShare ?? 0.015;
  const decidedShare = options.decidedShare ?? 0.03;
  const retentionCut = now - (options.retentionHours ?? 720) * 3_600_000;
  const pool = makeMix(4000, 99).map((m) => ({ ...m, redacted: redact(m.text) }));
  const fakeSealed = 'bench:' + Buffer.alloc(450, 5).toString('base64');

  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288'); // 512 MiB page cache while seeding
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF'); // rows are consistent by construction; checked by the app afterwards

  const insertMessage = db.prepare(`INSERT INTO messages (id, community_id, thread_id, room_id, reply_to_id, author_id, author_role, title, body,
    original_enc, status, redacted, reason, findings, notes, urgent, risk, report_weight, moderation_ms, created_at, decided_at)
    VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, 0, ?, ?, ?)`);
  const insertThread = db.prepare('INSERT INTO threads (id, community_id, author_id, opening_message_id, last_activity_at, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const touchThread = db.prepare('UPDATE threads SET last_activity_at = ? WHERE id = ?');
  const insertItem = db.prepare(`INSERT INTO queue_items (id, message_id, community_id, source, status, urgent, risk, reasons, claimed_by, claim_expires_at,
    decision, reason_code, decided_by, decided_at, created_at) VALUES (?, ?, ?, 'pipeline', ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)`);

  const totalWeight = options.communities.reduce((a, c) => a + c.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const c of options.communities) cumulative.push((acc += c.weight / totalWeight));
  const threads = new Map<string, { id: string; left: number }>();
  const result: SeedResult = {
    messages: 0, threads: 0, queueOpen: 0, queueUrgent: 0, queueDecided: 0, perCommunity: {}, sampleOpenItemIds: [], ms: 0, fileBytes: 0,
  };
  for (const c of options.communities) result.perCommunity[c.id] = { messages: 0, queueOpen: 0 };
  const sampleCandidates: string[] = [];
  const span = 180 * DAY;
  const start = now - span;

  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const x = r();
      let ci = 0;
      while (cumulative[ci]! < x && ci < cumulative.length - 1) ci++;
      const community = options.communities[ci]!;
      const author = community.authorIds[Math.floor(r() * community.authorIds.length)]!;
      const m = pool[Math.floor(r() * pool.length)]!;
      const createdAt = Math.floor(start + (span * i) / options.messages);
      const id = randomUUID();
      let threadId: string | null = null;
      let roomId: string | null = null;
      let title: string | null = null;
      if (r() < 0.4) {
        let t = threads.get(community.id);
        if (!t || t.left <= 0) {
          t = { id: randomUUID(), left: 5 + Math.floor(r() * 36) };
          threads.set(community.id, t);
          insertThread.run(t.id, community.id, author, id, createdAt, createdAt);
          title = m.text.slice(0, 60);
          result.threads++;
        } else {
          touchThread.run(createdAt, t.id);
        }
        t.left--;
        threadId = t.id;
      } else {
        roomId = community.roomIds[Math.floor(r() * community.roomIds.length)]!;
      }
      const y = r();
      const moderationMs = Math.round((0.2 + r() * 3) * 1000) / 1000;
      const recent = createdAt > retentionCut;
      if (y < heldShare) {
        const urgent = r() < 0.03;
        const risk = urgent ? 1 : Math.round((0.5 + r() * 0.5) * 100) / 100;
        const reasons = urgent ? 'CRISIS:CRISIS_SELF_HARM' : REASONS[Math.floor(r() * REASONS.length)]!;
        insertMessage.run(id, community.id, threadId, roomId, author, m.authorRole, title, m.redacted.body, recent ? fakeSealed : null, 'held', m.redacted.body !== m.text ? 1 : 0,
          'A volunteer moderator will look at your message soon.', m.redacted.findings, urgent ? 1 : 0, risk, moderationMs, createdAt, null);
        const itemId = randomUUID();
        insertItem.run(itemId, id, community.id, 'open', urgent ? 1 : 0, risk, reasons, null, null, null, null, createdAt);
        result.queueOpen++;
        if (urgent) result.queueUrgent++;
        result.perCommunity[community.id]!.queueOpen++;
        if (community.id === options.sampleCommunityId) sampleCandidates.push(itemId);
      } else if (y < heldShare + decidedShare) {
        const approved = r() < 0.8;
        const decidedAt = createdAt + Math.floor(r() * 6 * 3_600_000);
        insertMessage.run(id, community.id, threadId, roomId, author, m.authorRole, title, approved ? m.redacted.body : '', null, approved ? 'published' : 'rejected',
          m.redacted.body !== m.text ? 1 : 0, approved ? '' : 'A moderator removed it under this community\u2019s rules.', m.redacted.findings, 0, 0.7, moderationMs, createdAt, decidedAt);
        insertItem.run(randomUUID(), id, community.id, 'decided', 0, 0.7, REASONS[Math.floor(r() * REASONS.length)]!, approved ? 'approve' : 'reject',
          approved ? null : 'other', options.deciderId, decidedAt, createdAt);
        result.queueDecided++;
      } else if (y < heldShare + decidedShare + 0.05) {
        insertMessage.run(id, community.id, threadId, roomId, author, m.authorRole, title, m.redacted.body, recent ? fakeSealed : null, 'published_redacted', 1,
          'We hid some details to protect your privacy.', m.redacted.findings, 0, 0, moderationMs, createdAt, createdAt);
      } else {
        insertMessage.run(id, community.id, threadId, roomId, author, m.authorRole, title, m.text, null, 'published', 0, '', '[]', 0, 0, moderationMs, createdAt, createdAt);
      }
      result.messages++;
      result.perCommunity[community.id]!.messages++;
    }
  });
  const BATCH = 50_000;
  for (let from = 0; from < options.messages; from += BATCH) batch(from, Math.min(options.messages, from + BATCH));
  db.pragma('wal_checkpoint(TRUNCATE)');
  // No ANALYZE: the server never runs it, so the planner sees what a real installation sees.
  // A deterministic sample of open items to claim, spread over the queue.
  const sampleSize = options.sampleSize ?? 200;
  const stride = Math.max(1, Math.floor(sampleCandidates.length / sampleSize));
  for (let i = 0; i < sampleCandidates.length && result.sampleOpenItemIds.length < sampleSize; i += stride) result.sampleOpenItemIds.push(sampleCandidates[i]!);
  const pageCount = db.pragma('page_count', { simple: true }) as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  result.fileBytes = pageCount * pageSize;
  db.close();
  result.ms = Math.round(performance.now() - started);
  return result;
}

/**
 * Diagnostics on the seeded file: the query plan and cost of scans the server runs over the
 * whole messages table (the sealed-original purge at start and every 10 minutes).
 * The SQL mirrors db/repositories/messages.ts purgeOriginals (read-only here).
 */
export function purgeScanCost(file: string, retentionHours = 720): { plan: string[]; ms: number } {
  const db = new Database(file, { readonly: true });
  const sql = "SELECT count(*) AS n FROM messages WHERE original_enc IS NOT NULL AND created_at <= ? AND status <> 'pending'";
  const cut = Date.now() - retentionHours * 3_600_000;
  const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(cut) as Array<{ detail: string }>).map((row) => row.detail);
  const t0 = performance.now();
  db.prepare(sql).get(cut);
  const ms = Math.round((performance.now() - t0) * 100) / 100;
  db.close();
  return { plan, ms };
}
