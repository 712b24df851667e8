import { resolvePolicy, type CommunityPolicy } from '../../moderation/index.js';
import type { CommunityRow, MembershipRow, RoomRow, UserRow } from '../../db/repositories/index.js';
import { conflict, forbidden, HavenError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { ServiceDeps } from './deps.js';

export interface CommunityView {
  id: string;
  slug: string;
  name: string;
  description: string;
  membership: { role: MembershipRow['role']; approvedCount: number } | null;
}

/** Communities, membership and the access rules every other service relies on. */
export class CommunitiesService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: UserRow, input: { slug: string; name: string; description?: string; policy?: Partial<CommunityPolicy> }): Promise<CommunityView> {
    this.requireAdmin(actor);
    const { repos, now } = this.deps;
    if (await repos.communities.bySlug(input.slug)) throw conflict('SLUG_TAKEN', 'A community with that address already exists.');
    const row = await repos.communities.create({
      id: newId(), slug: input.slug, name: input.name, description: input.description ?? '', policy: JSON.stringify(input.policy ?? {}),
    });
    await repos.audit.append({ actorId: actor.id, action: 'community.create', targetType: 'community', targetId: row.id, communityId: row.id, data: { slug: row.slug } }, now());
    return this.view(row, null);
  }

  async list(viewer: UserRow): Promise<CommunityView[]> {
    const [rows, memberships] = await Promise.all([this.deps.repos.communities.list(), this.deps.repos.communities.membershipsOf(viewer.id)]);
    const byCommunity = new Map(memberships.map((m) => [m.communityId, m]));
    return rows.map((row) => this.view(row, byCommunity.get(row.id) ?? null));
  }

  async get(viewer: UserRow, idOrSlug: string): Promise<CommunityView & { policy?: CommunityPolicy }> {
    const row = await this.find(idOrSlug);
    const membership = (await this.deps.repos.communities.membership(row.id, viewer.id)) ?? null;
    const view = this.view(row, membership);
    return (await this.isModerator(viewer, row.id)) ? { ...view, policy: resolvePolicy(JSON.parse(row.policy)) } : view;
  }

  async join(user: UserRow, communityId: string): Promise<CommunityView> {
    const row = await this.find(communityId);
    const membership = await this.deps.repos.communities.join(row.id, user.id);
    return this.view(row, membership);
  }

  async appointModerator(actor: UserRow, communityId: string, userId: string, appoint: boolean): Promise<void> {
    this.requireAdmin(actor);
    const { repos, now } = this.deps;
    const community = await this.find(communityId);
    const user = await repos.users.byId(userId);
    if (!user) throw notFound('User');
    await repos.communities.setMemberRole(community.id, user.id, appoint ? 'moderator' : 'member');
    if (appoint && user.role === 'member') await repos.users.setRole(user.id, 'moderator');
    await repos.audit.append(
      { actorId: actor.id, action: appoint ? 'moderator.appoint' : 'moderator.remove', targetType: 'user', targetId: user.id, communityId: community.id },
      now(),
    );
  }

  async policy(communityId: string): Promise<CommunityPolicy> {
    const row = await this.find(communityId);
    return resolvePolicy(JSON.parse(row.policy));
  }

  /** Replaces the community's stored policy overrides; audited with the changed keys only. */
  async updatePolicy(actor: UserRow, communityId: string, policy: Partial<CommunityPolicy>, reason: string): Promise<CommunityPolicy> {
    this.requireAdmin(actor);
    const { repos, now } = this.deps;
    const row = await this.find(communityId);
    const before = JSON.parse(row.policy) as Record<string, unknown>;
    await repos.communities.setPolicy(row.id, JSON.stringify(policy));
    const changed = [...new Set([...Object.keys(before), ...Object.keys(policy)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify((policy as Record<string, unknown>)[k]),
    );
    await repos.audit.append(
      { actorId: actor.id, action: 'policy.update', targetType: 'community', targetId: row.id, communityId: row.id, reason, data: { changed } },
      now(),
    );
    return resolvePolicy(policy);
  }

  async createRoom(actor: UserRow, communityId: string, name: string): Promise<RoomRow> {
    const community = await this.find(communityId);
    await this.requireModerator(actor, community.id);
    const room = await this.deps.repos.communities.createRoom({ id: newId(), communityId: community.id, name });
    await this.deps.repos.audit.append(
      { actorId: actor.id, action: 'room.create', targetType: 'room', targetId: room.id, communityId: community.id },
      this.deps.now(),
    );
    return room;
  }

  async rooms(viewer: UserRow, communityId: string): Promise<RoomRow[]> {
    const community = await this.find(communityId);
    await this.requireMember(viewer, community.id);
    return this.deps.repos.communities.rooms(community.id);
  }

  async room(viewer: UserRow, roomId: string): Promise<RoomRow> {
    const room = await this.deps.repos.communities.roomById(roomId);
    if (!room) throw notFound('Chat room');
    await this.requireMember(viewer, room.communityId);
    return room;
  }

  async find(idOrSlug: string): Promise<CommunityRow> {
    const row = (await this.deps.repos.communities.byId(idOrSlug)) ?? (await this.deps.repos.communities.bySlug(idOrSlug));
    if (!row) throw notFound('Community');
    return row;
  }

  async isModerator(user: UserRow, communityId: string): Promise<boolean> {
    if (user.role === 'admin') return true;
    const membership = await this.deps.repos.communities.membership(communityId, user.id);
    return membership?.role === 'moderator';
  }

  async requireModerator(user: UserRow, communityId: string): Promise<void> {
    if (!(await this.isModerator(user, communityId))) throw forbidden('Only this community\u2019s moderators can do that.');
  }

  async requireMember(user: UserRow, communityId: string): Promise<MembershipRow | null> {
    const membership = await this.deps.repos.communities.membership(communityId, user.id);
    if (membership) return membership;
    if (user.role === 'admin') return null;
    throw new HavenError(403, 'NOT_A_MEMBER', 'Join this community to read and write in it.');
  }

  /** Communities whose queue this user may work (all of them for an admin). */
  async moderatedCommunityIds(user: UserRow): Promise<string[]> {
    if (user.role === 'admin') return (await this.deps.repos.communities.list()).map((c) => c.id);
    return (await this.deps.repos.communities.membershipsOf(user.id)).filter((m) => m.role === 'moderator').map((m) => m.communityId);
  }

  requireAdmin(user: UserRow): void {
    if (user.role !== 'admin') throw forbidden('Only an admin can do that.');
  }

  private view(row: CommunityRow, membership: MembershipRow | null): CommunityView {
    return {
      id: row.id, slug: row.slug, name: row.name, description: row.description,
      membership: membership ? { role: membership.role, approvedCount: membership.approvedCount } : null,
    };
  }
}
