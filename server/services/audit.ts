import type { UserRow } from '../../db/repositories/index.js';
import { forbidden } from '../lib/errors.js';
import type { CommunitiesService } from './communities.js';
import type { ServiceDeps } from './deps.js';

/** Reading the audit log: admins see everything, moderators their communities. */
export class AuditService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly communities: CommunitiesService,
  ) {}

  async list(viewer: UserRow, filter: { communityId?: string | undefined; targetId?: string | undefined; action?: string | undefined; before?: number | undefined; limit?: number | undefined }) {
    let communityIds: string[] | undefined;
    if (viewer.role !== 'admin') {
      communityIds = await this.communities.moderatedCommunityIds(viewer);
      if (communityIds.length === 0) throw forbidden('Only moderators and admins can read the audit log.');
    }
    if (filter.communityId) {
      const community = await this.communities.find(filter.communityId);
      if (communityIds && !communityIds.includes(community.id)) throw forbidden('Only this community\u2019s moderators can read its audit log.');
      communityIds = [community.id];
    }
    const rows = await this.deps.repos.audit.list({
      communityIds, targetId: filter.targetId, action: filter.action, before: filter.before, limit: Math.min(filter.limit ?? 100, 500),
    });
    const handles = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))) {
      handles.set(id, (await this.deps.repos.users.byId(id))?.handle ?? 'deleted');
    }
    return rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actorId ? { id: r.actorId, handle: handles.get(r.actorId) } : null, action: r.action,
      targetType: r.targetType, targetId: r.targetId, communityId: r.communityId, reason: r.reason, data: JSON.parse(r.data) as Record<string, unknown>,
    }));
  }
}
