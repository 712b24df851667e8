import { and, asc, eq, gt, inArray, isNull, like, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type * as schema from '../schema.js';
import { first, preparedQuery, type Tables } from '../tables.js';

export type UserRow = typeof schema.users.$inferSelect;
export type UserRole = UserRow['role'];
export type ClinicianVerificationRow = typeof schema.clinicianVerifications.$inferSelect;

export const handleKey = (handle: string) => handle.normalize('NFKC').toLowerCase();

export class UsersRepository {
  constructor(private readonly db: Db, private readonly t: Tables) {}

  async create(row: { id: string; handle: string; passwordHash: string; role: UserRole }): Promise<UserRow> {
    return (await this.db.insert(this.t.users).values({ ...row, handleKey: handleKey(row.handle) }).returning())[0]!;
  }

  private readonly byIdQuery = preparedQuery(() => this.db.select().from(this.t.users).where(eq(this.t.users.id, sql.placeholder('id'))).prepare());

  async byId(id: string): Promise<UserRow | undefined> {
    return first(await this.byIdQuery().execute({ id }));
  }

  async byIds(ids: string[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(this.t.users).where(inArray(this.t.users.id, ids));
  }

  async byHandle(handle: string): Promise<UserRow | undefined> {
    return first(await this.db.select().from(this.t.users).where(eq(this.t.users.handleKey, handleKey(handle))));
  }

  async search(query: string, limit: number): Promise<UserRow[]> {
    const { users } = this.t;
    const pattern = `%${handleKey(query).replace(/[%_\\]/g, '')}%`;
    return this.db.select().from(users).where(query ? like(users.handleKey, pattern) : undefined).orderBy(asc(users.handleKey)).limit(limit);
  }

  async count(): Promise<number> {
    return this.db.$count(this.t.users);
  }

  async setRole(id: string, role: UserRole): Promise<void> {
    await this.db.update(this.t.users).set({ role }).where(eq(this.t.users.id, id));
  }

  async setStatus(id: string, status: UserRow['status'], mutedUntil: number | null): Promise<void> {
    await this.db.update(this.t.users).set({ status, mutedUntil }).where(eq(this.t.users.id, id));
  }

  async createSession(row: { id: string; tokenHash: string; userId: string; expiresAt: number }): Promise<void> {
    await this.db.insert(this.t.sessions).values(row);
  }

  async sessionUser(tokenHash: string, now: number): Promise<UserRow | undefined> {
    const { sessions, users } = this.t;
    const row = first(
      await this.db
        .select({ user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now))),
    );
    return row?.user;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.delete(this.t.sessions).where(eq(this.t.sessions.tokenHash, tokenHash));
  }

  async activeVerification(userId: string): Promise<ClinicianVerificationRow | undefined> {
    const { clinicianVerifications: cv } = this.t;
    return first(await this.db.select().from(cv).where(and(eq(cv.userId, userId), isNull(cv.revokedAt))));
  }

  async addVerification(row: typeof schema.clinicianVerifications.$inferInsert): Promise<ClinicianVerificationRow> {
    return (await this.db.insert(this.t.clinicianVerifications).values(row).returning())[0]!;
  }

  async revokeVerification(id: string, revokedBy: string, at: number): Promise<void> {
    const { clinicianVerifications: cv } = this.t;
    await this.db.update(cv).set({ revokedAt: at, revokedBy }).where(eq(cv.id, id));
  }
}
