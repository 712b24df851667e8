import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import type * as schema from '../schema.js';
import type { Tables } from '../tables.js';

export type SanctionRow = typeof schema.sanctions.$inferSelect;

export class SanctionsRepository {
  constructor(private readonly db: Db, private readonly t: Tables) {}

  async add(row: typeof schema.sanctions.$inferInsert): Promise<SanctionRow> {
    return (await this.db.insert(this.t.sanctions).values(row).returning())[0]!;
  }

  async setMute(communityId: string, userId: string, until: number | null): Promise<void> {
    const { memberships: m } = this.t;
    await this.db.update(m).set({ mutedUntil: until }).where(and(eq(m.communityId, communityId), eq(m.userId, userId)));
  }

  /** Sanctions in this community, and global ones (suspensions). */
  async forUser(userId: string, communityId: string, limit: number): Promise<SanctionRow[]> {
    const { sanctions: s } = this.t;
    return this.db
      .select()
      .from(s)
      .where(and(eq(s.userId, userId), or(eq(s.communityId, communityId), isNull(s.communityId))))
      .orderBy(desc(s.createdAt))
      .limit(limit);
  }
}
