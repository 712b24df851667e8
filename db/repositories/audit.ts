import { and, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import type * as schema from '../schema.js';
import type { Tables } from '../tables.js';

export type AuditRow = typeof schema.auditLog.$inferSelect;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  communityId?: string | null;
  reason?: string | null;
  /** Ids, codes and counts only: never message text, PHI or secrets. */
  data?: Record<string, unknown>;
}

/** Append-only log; the database refuses updates and deletes (see the audit_append_only migrations). */
export class AuditRepository {
  constructor(private readonly db: Db, private readonly t: Tables) {}

  async append(entry: AuditEntry, at: number): Promise<AuditRow> {
    const rows = await this.db
      .insert(this.t.auditLog)
      .values({
        at,
        actorId: entry.actorId,
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId,
        communityId: entry.communityId ?? null,
        reason: entry.reason ?? null,
        data: JSON.stringify(entry.data ?? {}),
      })
      .returning();
    return rows[0]!;
  }

  async list(filter: { communityIds?: string[] | undefined; targetId?: string | undefined; action?: string | undefined; before?: number | undefined; limit: number }): Promise<AuditRow[]> {
    const { auditLog: a } = this.t;
    const conditions: Array<SQL | undefined> = [
      filter.communityIds ? inArray(a.communityId, filter.communityIds) : undefined,
      filter.targetId ? eq(a.targetId, filter.targetId) : undefined,
      filter.action ? eq(a.action, filter.action) : undefined,
      filter.before !== undefined ? lt(a.id, filter.before) : undefined,
    ];
    return this.db.select().from(a).where(and(...conditions)).orderBy(desc(a.id)).limit(filter.limit);
  }
}
