import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import type * as schema from '../schema.js';
import { first, preparedQuery, type Tables } from '../tables.js';

export type CommunityRow = typeof schema.communities.$inferSelect;
export type MembershipRow = typeof schema.memberships.$inferSelect;
export type RoomRow = typeof schema.rooms.$inferSelect;

export class CommunitiesRepository {
  constructor(private readonly db: Db, private readonly t: Tables) {}

  async create(row: { id: string; slug: string; name: string; description: string; policy: string }): Promise<CommunityRow> {
    return (await this.db.insert(this.t.communities).values(row).returning())[0]!;
  }

  async list(): Promise<CommunityRow[]> {
    return this.db.select().from(this.t.communities).orderBy(asc(this.t.communities.name));
  }

  private readonly byIdQuery = preparedQuery(() => this.db.select().from(this.t.communities).where(eq(this.t.communities.id, sql.placeholder('id'))).prepare());
  private readonly membershipQuery = preparedQuery(() => {
    const { memberships: m } = this.t;
    return this.db.select().from(m).where(and(eq(m.communityId, sql.placeholder('communityId')), eq(m.userId, sql.placeholder('userId')))).prepare();
  });
  private readonly incrementApprovedQuery = preparedQuery(() => {
    const { memberships: m } = this.t;
    return this.db
      .update(m)
      .set({ approvedCount: sql`${m.approvedCount} + 1` })
      .where(and(eq(m.communityId, sql.placeholder('communityId')), eq(m.userId, sql.placeholder('userId'))))
      .prepare();
  });
  private readonly roomByIdQuery = preparedQuery(() => this.db.select().from(this.t.rooms).where(eq(this.t.rooms.id, sql.placeholder('id'))).prepare());

  async byId(id: string): Promise<CommunityRow | undefined> {
    return first(await this.byIdQuery().execute({ id }));
  }

  async bySlug(slug: string): Promise<CommunityRow | undefined> {
    return first(await this.db.select().from(this.t.communities).where(eq(this.t.communities.slug, slug)));
  }

  async setPolicy(id: string, policy: string): Promise<void> {
    await this.db.update(this.t.communities).set({ policy }).where(eq(this.t.communities.id, id));
  }

  async membership(communityId: string, userId: string): Promise<MembershipRow | undefined> {
    return first(await this.membershipQuery().execute({ communityId, userId }));
  }

  async membershipsOf(userId: string): Promise<MembershipRow[]> {
    return this.db.select().from(this.t.memberships).where(eq(this.t.memberships.userId, userId));
  }

  async join(communityId: string, userId: string, role: MembershipRow['role'] = 'member'): Promise<MembershipRow> {
    await this.db.insert(this.t.memberships).values({ communityId, userId, role }).onConflictDoNothing();
    return (await this.membership(communityId, userId))!;
  }

  async setMemberRole(communityId: string, userId: string, role: MembershipRow['role']): Promise<void> {
    const { memberships: m } = this.t;
    await this.db.insert(m).values({ communityId, userId, role }).onConflictDoUpdate({ target: [m.communityId, m.userId], set: { role } });
  }

  async incrementApproved(communityId: string, userId: string): Promise<void> {
    await this.incrementApprovedQuery().execute({ communityId, userId });
  }

  async moderators(communityId: string): Promise<Array<{ id: string; handle: string }>> {
    const { memberships: m, users } = this.t;
    return this.db
      .select({ id: users.id, handle: users.handle })
      .from(m)
      .innerJoin(users, eq(users.id, m.userId))
      .where(and(eq(m.communityId, communityId), eq(m.role, 'moderator')));
  }

  async createRoom(row: { id: string; communityId: string; name: string }): Promise<RoomRow> {
    return (await this.db.insert(this.t.rooms).values(row).returning())[0]!;
  }

  async rooms(communityId: string): Promise<RoomRow[]> {
    return this.db.select().from(this.t.rooms).where(eq(this.t.rooms.communityId, communityId)).orderBy(asc(this.t.rooms.name));
  }

  async roomById(id: string): Promise<RoomRow | undefined> {
    return first(await this.roomByIdQuery().execute({ id }));
  }
}
