import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type * as schema from '../schema.js';
import type { MessageStatus } from '../schema.js';
import { first, preparedQuery, type Tables } from '../tables.js';

export type MessageRow = typeof schema.messages.$inferSelect;
export type NewMessage = typeof schema.messages.$inferInsert;
export type ThreadRow = typeof schema.threads.$inferSelect;
export type ReportRow = typeof schema.reports.$inferSelect;

export const VISIBLE: MessageStatus[] = ['published', 'published_redacted'];

export class MessagesRepository {
  constructor(private readonly db: Db, private readonly t: Tables) {}

  /** Visible to everyone in the community, or the viewer's own message in any state. */
  private visibleTo(viewerId: string) {
    const { messages: m } = this.t;
    return or(inArray(m.status, VISIBLE), eq(m.authorId, viewerId));
  }

  async insert(row: NewMessage): Promise<MessageRow> {
    return (await this.db.insert(this.t.messages).values(row).returning())[0]!;
  }

  async update(id: string, patch: Partial<NewMessage>): Promise<MessageRow | undefined> {
    return first(await this.db.update(this.t.messages).set(patch).where(eq(this.t.messages.id, id)).returning());
  }

  /** Changes status only if it is still one of `from`: concurrent decisions cannot both apply. */
  async transition(id: string, from: MessageStatus[], patch: Partial<NewMessage>): Promise<MessageRow | undefined> {
    const { messages: m } = this.t;
    return first(await this.db.update(m).set(patch).where(and(eq(m.id, id), inArray(m.status, from))).returning());
  }

  private readonly byIdQuery = preparedQuery(() => this.db.select().from(this.t.messages).where(eq(this.t.messages.id, sql.placeholder('id'))).prepare());

  async byId(id: string): Promise<MessageRow | undefined> {
    return first(await this.byIdQuery().execute({ id }));
  }

  async byIds(ids: string[]): Promise<MessageRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(this.t.messages).where(inArray(this.t.messages.id, ids));
  }

  async pending(): Promise<MessageRow[]> {
    const { messages: m } = this.t;
    return this.db.select().from(m).where(eq(m.status, 'pending')).orderBy(asc(m.createdAt));
  }

  async threadMessages(threadId: string, viewerId: string, limit: number, after?: number): Promise<MessageRow[]> {
    const { messages: m } = this.t;
    return this.db
      .select()
      .from(m)
      .where(and(eq(m.threadId, threadId), this.visibleTo(viewerId), after !== undefined ? gte(m.createdAt, after) : undefined))
      .orderBy(asc(m.createdAt))
      .limit(limit);
  }

  async roomMessages(roomId: string, viewerId: string, limit: number, before?: number): Promise<MessageRow[]> {
    const { messages: m } = this.t;
    const rows = await this.db
      .select()
      .from(m)
      .where(and(eq(m.roomId, roomId), this.visibleTo(viewerId), before !== undefined ? lt(m.createdAt, before) : undefined))
      .orderBy(desc(m.createdAt))
      .limit(limit);
    return rows.reverse();
  }

  /** The author's recent messages in a community, for duplicate and rate checks. */
  async recentByAuthor(authorId: string, communityId: string, since: number): Promise<Array<{ body: string; createdAt: number }>> {
    const { messages: m } = this.t;
    return this.db
      .select({ body: m.body, createdAt: m.createdAt })
      .from(m)
      .where(and(eq(m.authorId, authorId), eq(m.communityId, communityId), gte(m.createdAt, since), ne(m.status, 'pending')))
      .orderBy(desc(m.createdAt))
      .limit(100);
  }

  async authorHistory(authorId: string, communityId: string): Promise<Array<{ status: MessageStatus; n: number }>> {
    const { messages: m } = this.t;
    return this.db
      .select({ status: m.status, n: sql<number>`count(*)`.mapWith(Number) })
      .from(m)
      .where(and(eq(m.authorId, authorId), eq(m.communityId, communityId)))
      .groupBy(m.status);
  }

  /** Purges sealed originals older than the retention limit; returns how many. */
  async purgeOriginals(olderThan: number): Promise<number> {
    const { messages: m } = this.t;
    const rows = await this.db
      .update(m)
      .set({ originalEnc: null })
      .where(and(isNotNull(m.originalEnc), lte(m.createdAt, olderThan), ne(m.status, 'pending')))
      .returning({ id: m.id });
    return rows.length;
  }

  async createThread(row: { id: string; communityId: string; authorId: string; lastActivityAt: number }): Promise<ThreadRow> {
    return (await this.db.insert(this.t.threads).values(row).returning())[0]!;
  }

  async setOpeningMessage(threadId: string, messageId: string): Promise<void> {
    await this.db.update(this.t.threads).set({ openingMessageId: messageId }).where(eq(this.t.threads.id, threadId));
  }

  async touchThread(threadId: string, at: number): Promise<void> {
    await this.db.update(this.t.threads).set({ lastActivityAt: at }).where(eq(this.t.threads.id, threadId));
  }

  async threadById(id: string): Promise<ThreadRow | undefined> {
    return first(await this.db.select().from(this.t.threads).where(eq(this.t.threads.id, id)));
  }

  /** Threads whose opening message the viewer may see, most recently active first. */
  async listThreads(communityId: string, viewerId: string, limit: number): Promise<Array<{ thread: ThreadRow; opening: MessageRow }>> {
    const { threads, messages: m } = this.t;
    return this.db
      .select({ thread: threads, opening: m })
      .from(threads)
      .innerJoin(m, eq(m.id, threads.openingMessageId))
      .where(and(eq(threads.communityId, communityId), this.visibleTo(viewerId)))
      .orderBy(desc(threads.lastActivityAt))
      .limit(limit);
  }

  /** Records a report once per reporter and adds its weight; false if already reported. */
  async addReport(row: { id: string; messageId: string; reporterId: string; reason: string; weight: number }): Promise<boolean> {
    const { reports, messages: m } = this.t;
    const inserted = await this.db.insert(reports).values(row).onConflictDoNothing().returning({ id: reports.id });
    if (inserted.length === 0) return false;
    await this.db.update(m).set({ reportWeight: sql`${m.reportWeight} + ${row.weight}` }).where(eq(m.id, row.messageId));
    return true;
  }

  async reportsFor(messageId: string): Promise<ReportRow[]> {
    const { reports } = this.t;
    return this.db.select().from(reports).where(eq(reports.messageId, messageId)).orderBy(asc(reports.createdAt));
  }

  async reportCountByAuthor(authorId: string, communityId: string): Promise<number> {
    const { reports, messages: m } = this.t;
    const row = first(
      await this.db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(reports)
        .innerJoin(m, eq(m.id, reports.messageId))
        .where(and(eq(m.authorId, authorId), eq(m.communityId, communityId))),
    );
    return row?.n ?? 0;
  }
}
