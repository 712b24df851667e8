import { and, asc, desc, eq, inArray, isNull, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import type * as schema from '../schema.js';
import { first, type Tables } from '../tables.js';

export type QueueItemRow = typeof schema.queueItems.$inferSelect;
export type NoteRow = typeof schema.moderatorNotes.$inferSelect;

export interface QueueFilter {
  communityIds: string[];
  status: Array<QueueItemRow['status']>;
  reason?: string | undefined;
  urgentOnly?: boolean | undefined;
  olderThan?: number | undefined;
  limit: number;
  sort: 'priority' | 'oldest';
}

const OPEN: Array<QueueItemRow['status']> = ['open', 'escalated'];
/** Above this many (status, community) pairs a queue page is one sorted query instead of merged index reads. */
const MAX_MERGED_PAGES = 64;

export class QueueRepository {
  constructor(private readonly db: Db, private readonly t: Tables) {}

  async insert(row: typeof schema.queueItems.$inferInsert): Promise<QueueItemRow> {
    return (await this.db.insert(this.t.queueItems).values(row).returning())[0]!;
  }

  async byId(id: string): Promise<QueueItemRow | undefined> {
    return first(await this.db.select().from(this.t.queueItems).where(eq(this.t.queueItems.id, id)));
  }

  async openForMessage(messageId: string): Promise<QueueItemRow | undefined> {
    const { queueItems: q } = this.t;
    // Written as the partial unique index's own condition, so the lookup uses it.
    return first(await this.db.select().from(q).where(and(eq(q.messageId, messageId), ne(q.status, 'decided'))));
  }

  async update(id: string, patch: Partial<typeof schema.queueItems.$inferInsert>): Promise<QueueItemRow | undefined> {
    return first(await this.db.update(this.t.queueItems).set(patch).where(eq(this.t.queueItems.id, id)).returning());
  }

  /** Urgent first, then riskiest, then oldest (or simply oldest). */
  async list(filter: QueueFilter): Promise<QueueItemRow[]> {
    if (filter.communityIds.length === 0 || filter.status.length === 0) return [];
    const { queueItems: q } = this.t;
    const order = filter.sort === 'oldest' ? [asc(q.createdAt)] : [desc(q.urgent), desc(q.risk), asc(q.createdAt)];
    const where = (status: SQL, community: SQL) => and(
      status,
      community,
      filter.reason ? like(q.reasons, `%${filter.reason.replace(/[%_\\]/g, '')}%`) : undefined,
      filter.urgentOnly ? eq(q.urgent, true) : undefined,
      filter.olderThan !== undefined ? lt(q.createdAt, filter.olderThan) : undefined,
    );
    // An admin over hundreds of communities: one query (it sorts, but one query beats hundreds).
    if (filter.status.length * filter.communityIds.length > MAX_MERGED_PAGES) {
      return this.db.select().from(q).where(where(inArray(q.status, filter.status), inArray(q.communityId, filter.communityIds))).orderBy(...order).limit(filter.limit);
    }
    // One query per (status, community): each reads its first page straight from the
    // queue_priority / queue_oldest index, where one query with IN lists would sort every open
    // item. The pages are merged here; a moderator has a handful of communities.
    const pages = await Promise.all(
      filter.status.flatMap((status) =>
        filter.communityIds.map((communityId) =>
          this.db
            .select()
            .from(q)
            .where(where(eq(q.status, status), eq(q.communityId, communityId)))
            .orderBy(...order)
            .limit(filter.limit),
        ),
      ),
    );
    const byPriority = (a: QueueItemRow, b: QueueItemRow) =>
      Number(b.urgent) - Number(a.urgent) || b.risk - a.risk || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
    const byAge = (a: QueueItemRow, b: QueueItemRow) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
    // On PostgreSQL the pages are read on several connections at slightly different moments: an item
    // that changed status in between can come back twice.
    const unique = [...new Map(pages.flat().map((r) => [r.id, r])).values()];
    return unique.sort(filter.sort === 'oldest' ? byAge : byPriority).slice(0, filter.limit);
  }

  async counts(communityIds: string[]): Promise<Array<{ communityId: string; status: string; urgent: boolean; n: number }>> {
    if (communityIds.length === 0) return [];
    const { queueItems: q } = this.t;
    return this.db
      .select({ communityId: q.communityId, status: q.status, urgent: q.urgent, n: sql<number>`count(*)`.mapWith(Number) })
      .from(q)
      .where(and(inArray(q.communityId, communityIds), inArray(q.status, OPEN)))
      .groupBy(q.communityId, q.status, q.urgent);
  }

  /**
   * Takes or renews the claim when it is free, expired, or already ours. One conditional
   * UPDATE: two moderators (or two instances) racing for one item cannot both win.
   */
  async claim(id: string, moderatorId: string, now: number, expiresAt: number): Promise<QueueItemRow | undefined> {
    const { queueItems: q } = this.t;
    return first(
      await this.db
        .update(q)
        .set({ claimedBy: moderatorId, claimExpiresAt: expiresAt })
        .where(and(eq(q.id, id), inArray(q.status, OPEN), or(isNull(q.claimedBy), lt(q.claimExpiresAt, now), eq(q.claimedBy, moderatorId))))
        .returning(),
    );
  }

  async release(id: string, moderatorId: string): Promise<QueueItemRow | undefined> {
    const { queueItems: q } = this.t;
    return first(
      await this.db.update(q).set({ claimedBy: null, claimExpiresAt: null }).where(and(eq(q.id, id), eq(q.claimedBy, moderatorId))).returning(),
    );
  }

  /** Closes the item only if this moderator still holds a live claim on it. */
  async decide(
    id: string,
    moderatorId: string,
    now: number,
    patch: { status: QueueItemRow['status']; decision: string; reasonCode: string | null },
  ): Promise<QueueItemRow | undefined> {
    const { queueItems: q } = this.t;
    const closing = patch.status === 'decided';
    return first(
      await this.db
        .update(q)
        .set({
          status: patch.status,
          decision: patch.decision,
          reasonCode: patch.reasonCode,
          decidedBy: closing ? moderatorId : null,
          decidedAt: closing ? now : null,
          claimedBy: null,
          claimExpiresAt: null,
        })
        .where(and(eq(q.id, id), inArray(q.status, OPEN), eq(q.claimedBy, moderatorId), sql`${q.claimExpiresAt} >= ${now}`))
        .returning(),
    );
  }

  async addNote(row: { id: string; messageId: string; authorId: string; body: string }): Promise<NoteRow> {
    return (await this.db.insert(this.t.moderatorNotes).values(row).returning())[0]!;
  }

  async notes(messageIds: string[]): Promise<Array<NoteRow & { authorHandle: string }>> {
    if (messageIds.length === 0) return [];
    const { moderatorNotes: n, users } = this.t;
    return this.db
      .select({ id: n.id, messageId: n.messageId, authorId: n.authorId, body: n.body, createdAt: n.createdAt, authorHandle: users.handle })
      .from(n)
      .innerJoin(users, eq(users.id, n.authorId))
      .where(inArray(n.messageId, messageIds))
      .orderBy(asc(n.createdAt));
  }

  /** Items open at some point since `since`, for queue-depth and decision-time statistics. */
  async statsWindow(communityIds: string[], since: number): Promise<Array<Pick<QueueItemRow, 'createdAt' | 'decidedAt' | 'decision' | 'reasonCode' | 'status'>>> {
    if (communityIds.length === 0) return [];
    const { queueItems: q } = this.t;
    return this.db
      .select({ createdAt: q.createdAt, decidedAt: q.decidedAt, decision: q.decision, reasonCode: q.reasonCode, status: q.status })
      .from(q)
      .where(and(inArray(q.communityId, communityIds), or(isNull(q.decidedAt), sql`${q.decidedAt} >= ${since}`)));
  }

  async decisionsForAuthor(authorId: string, communityId: string, limit: number) {
    const { queueItems: q, messages: m } = this.t;
    return this.db
      .select({ decision: q.decision, reasonCode: q.reasonCode, decidedAt: q.decidedAt, source: q.source })
      .from(q)
      .innerJoin(m, eq(m.id, q.messageId))
      .where(and(eq(m.authorId, authorId), eq(q.communityId, communityId), eq(q.status, 'decided')))
      .orderBy(desc(q.decidedAt))
      .limit(limit);
  }
}
