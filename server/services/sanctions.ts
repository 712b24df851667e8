import type { UserRow } from '../../db/repositories/index.js';
import { badRequest, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { CommunitiesService } from './communities.js';
import type { ServiceDeps } from './deps.js';

export type SanctionKind = 'warn' | 'mute' | 'suspend';

const AUTHOR_TEXT: Record<SanctionKind, string> = {
  warn: 'A moderator has sent you a warning about a recent message. Please read the community guidelines.',
  mute: 'A moderator has paused your posting in this community for a while. You can still read.',
  suspend: 'Your account has been suspended by the community admins.',
};

/**
 * Sanctions on an author: a warning, a mute in one community for a time (moderators), or a
 * suspension of the account (admins). Audited, and the author is told live.
 */
export class SanctionsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly communities: CommunitiesService,
  ) {}

  async apply(actor: UserRow, userId: string, input: { communityId: string; kind: SanctionKind; minutes?: number | undefined; reason: string }) {
    const { repos, now, bus } = this.deps;
    const community = await this.communities.find(input.communityId);
    await this.communities.requireModerator(actor, community.id);
    const target = await repos.users.byId(userId);
    const membership = target ? await repos.communities.membership(community.id, target.id) : undefined;
    if (!target || !membership) throw notFound('A member of this community with that id');
    if (target.id === actor.id) throw badRequest('CANNOT_SANCTION_SELF', 'You cannot sanction yourself.');
    if (target.role === 'admin') throw forbidden('Admins cannot be sanctioned here.');
    const at = now();
    let until: number | null = null;
    if (input.kind === 'mute') {
      if (!input.minutes) throw badRequest('MINUTES_REQUIRED', 'Say for how many minutes to mute.');
      until = at + input.minutes * 60_000;
      await repos.sanctions.setMute(community.id, target.id, until);
    } else if (input.kind === 'suspend') {
      if (actor.role !== 'admin') throw forbidden('Only an admin can suspend an account.');
      await repos.users.setStatus(target.id, 'suspended', null);
    }
    const sanction = await repos.sanctions.add({
      id: newId(), userId: target.id, communityId: input.kind === 'suspend' ? null : community.id, kind: input.kind, reason: input.reason, until, byId: actor.id, createdAt: at,
    });
    await repos.audit.append(
      { actorId: actor.id, action: `sanction.${input.kind}`, targetType: 'user', targetId: target.id, communityId: community.id, reason: input.reason, data: { sanctionId: sanction.id, until } },
      at,
    );
    bus.publish(`user:${target.id}`, { type: 'sanction', kind: input.kind, communityId: community.id, until, message: AUTHOR_TEXT[input.kind] });
    return { id: sanction.id, kind: input.kind, until, status: input.kind === 'suspend' ? 'suspended' : target.status, mutedUntil: until };
  }
}
