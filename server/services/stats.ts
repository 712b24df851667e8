import type { UserRow } from '../../db/repositories/index.js';
import { forbidden } from '../lib/errors.js';
import type { CommunitiesService } from './communities.js';
import type { ServiceDeps } from './deps.js';

/** The moderators' dashboard: queue depth over time, time to decision, decisions by reason. */
export class StatsService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly communities: CommunitiesService,
  ) {}

  async dashboard(viewer: UserRow, filter: { communityId?: string | undefined; days?: number | undefined }) {
    let communityIds = await this.communities.moderatedCommunityIds(viewer);
    if (filter.communityId) {
      const community = await this.communities.find(filter.communityId);
      if (!communityIds.includes(community.id)) throw forbidden('Only this community\u2019s moderators can see its statistics.');
      communityIds = [community.id];
    }
    if (communityIds.length === 0) throw forbidden('Only moderators can see queue statistics.');
    const days = Math.min(Math.max(filter.days ?? 7, 1), 90);
    const now = this.deps.now();
    const since = now - days * 86_400_000;
    const rows = await this.deps.repos.queue.statsWindow(communityIds, since);

    // Hourly buckets for short windows, daily beyond two weeks.
    const step = days <= 14 ? 3_600_000 : 86_400_000;
    const queueDepth: Array<{ at: number; open: number }> = [];
    for (let at = Math.ceil(since / step) * step; at <= now; at += step) {
      queueDepth.push({ at, open: rows.filter((r) => r.createdAt <= at && (r.decidedAt === null || r.decidedAt > at)).length });
    }
    queueDepth.push({ at: now, open: rows.filter((r) => r.decidedAt === null).length });

    const decided = rows.filter((r) => r.decidedAt !== null && r.decidedAt >= since);
    const minutes = decided.map((r) => (r.decidedAt! - r.createdAt) / 60_000).sort((a, b) => a - b);
    const median = minutes.length === 0 ? null : minutes.length % 2 ? minutes[(minutes.length - 1) / 2]! : (minutes[minutes.length / 2 - 1]! + minutes[minutes.length / 2]!) / 2;
    const count = (key: (r: (typeof decided)[number]) => string) => {
      const m = new Map<string, number>();
      for (const r of decided) m.set(key(r), (m.get(key(r)) ?? 0) + 1);
      return [...m.entries()].sort((a, b) => b[1] - a[1]);
    };
    return {
      days,
      queueDepth,
      medianMinutesToDecision: median === null ? null : Math.round(median * 10) / 10,
      decided: decided.length,
      decisionsByReason: count((r) => r.reasonCode ?? (r.decision === 'reject' ? 'other' : r.decision ?? 'unknown')).map(([reasonCode, n]) => ({ reasonCode, n })),
      decisionsByAction: count((r) => r.decision ?? 'unknown').map(([decision, n]) => ({ decision, n })),
    };
  }
}
