import type { Finding } from '../../moderation/index.js';
import { VISIBLE, type MessageRow, type QueueItemRow, type UserRow } from '../../db/repositories/index.js';
import { conflict, forbidden, HavenError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { CommunitiesService } from './communities.js';
import type { ServiceDeps } from './deps.js';
import type { MessagesService } from './messages.js';
import { AuthorDirectory, messageView, parseFindings } from './views.js';

export const REJECT_REASON_CODES = ['privacy', 'misinformation', 'boundary', 'harassment', 'spam', 'off_topic', 'self_promotion', 'crisis_handled', 'other'] as const;
export type RejectReasonCode = (typeof REJECT_REASON_CODES)[number];

/** What the author reads when a moderator rejects their message. */
const REJECT_EXPLANATION: Record<RejectReasonCode, string> = {
  privacy: 'A moderator removed it because it shared private details that could identify someone.',
  misinformation: 'A moderator removed it because it contained health information that could mislead or harm others.',
  boundary: 'A moderator removed it because it gave individual medical advice, which this community does not allow in public posts.',
  harassment: 'A moderator removed it because it was unkind or hostile to others.',
  spam: 'A moderator removed it as spam or advertising.',
  off_topic: 'A moderator removed it because it did not fit this community\u2019s topic.',
  self_promotion: 'A moderator removed it because it promoted a product or service.',
  crisis_handled: 'A moderator reached out about this message and removed it from public view to protect you.',
  other: 'A moderator removed it under this community\u2019s rules.',
};

export type Decision =
  | { action: 'approve' }
  | { action: 'reject'; reasonCode: RejectReasonCode }
  | { action: 'edit_approve'; text: string; title?: string | undefined }
  | { action: 'escalate' };

export interface QueueListFilter {
  communityId?: string | undefined;
  status?: 'open' | 'escalated' | 'all' | undefined;
  reason?: string | undefined;
  urgent?: boolean | undefined;
  olderThanMinutes?: number | undefined;
  sort?: 'priority' | 'oldest' | undefined;
  limit?: number | undefined;
}

/** The review queue: listing, claims with expiring leases, decisions, notes, reveal. All audited. */
export class QueueService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly communities: CommunitiesService,
    private readonly messages: MessagesService,
  ) {}

  async list(moderator: UserRow, filter: QueueListFilter) {
    const { repos, now } = this.deps;
    let communityIds = await this.communities.moderatedCommunityIds(moderator);
    if (filter.communityId) {
      const community = await this.communities.find(filter.communityId);
      if (!communityIds.includes(community.id)) throw forbidden('Only this community\u2019s moderators can see its queue.');
      communityIds = [community.id];
    }
    if (communityIds.length === 0) throw forbidden('Only moderators can see the review queue.');
    const items = await repos.queue.list({
      communityIds,
      status: filter.status === 'all' || filter.status === undefined ? ['open', 'escalated'] : [filter.status],
      reason: filter.reason,
      urgentOnly: filter.urgent,
      olderThan: filter.olderThanMinutes !== undefined ? now() - filter.olderThanMinutes * 60_000 : undefined,
      limit: Math.min(filter.limit ?? 50, 200),
      sort: filter.sort ?? 'priority',
    });
    const authors = new AuthorDirectory(repos);
    // A page costs a few queries whatever its size: messages and authors are loaded in bulk.
    const messages = new Map((await repos.messages.byIds(items.map((i) => i.messageId))).map((m) => [m.id, m]));
    await authors.prime([...messages.values()]);
    const rows = await Promise.all(
      items.map(async (item) => {
        const message = messages.get(item.messageId)!;
        return { ...(await this.itemSummary(item, authors)), message: await messageView(message, authors), findings: publicFindings(parseFindings(message)) };
      }),
    );
    const counts = await repos.queue.counts(communityIds);
    return { items: rows, counts: summariseCounts(counts) };
  }

  async detail(moderator: UserRow, itemId: string) {
    const { repos } = this.deps;
    const item = await this.itemFor(moderator, itemId);
    const message = (await repos.messages.byId(item.messageId))!;
    const authors = new AuthorDirectory(repos);
    const [context, notes, reports, history] = await Promise.all([
      this.context(message, moderator, authors),
      repos.queue.notes([message.id]),
      repos.messages.reportsFor(message.id),
      this.messages.authorHistory(message.authorId, message.communityId),
    ]);
    return {
      ...(await this.itemSummary(item, authors)),
      message: { ...(await messageView(message, authors)), reason: message.reason, moderationMs: message.moderationMs },
      findings: publicFindings(parseFindings(message)),
      originalAvailable: message.originalEnc !== null,
      context,
      notes: notes.map((n) => ({ id: n.id, author: n.authorHandle, body: n.body, createdAt: n.createdAt })),
      reports: reports.map((r) => ({ reason: r.reason, weight: r.weight, createdAt: r.createdAt })),
      authorHistory: history,
    };
  }

  async claim(moderator: UserRow, itemId: string) {
    const { repos, now, config } = this.deps;
    const item = await this.itemFor(moderator, itemId);
    const at = now();
    const claimed = await repos.queue.claim(item.id, moderator.id, at, at + config.claimLeaseSeconds * 1000);
    if (!claimed) {
      const current = await repos.queue.byId(item.id);
      if (current?.status === 'decided') throw conflict('ALREADY_DECIDED', 'Another moderator has already decided this item.');
      const holder = current?.claimedBy ? await repos.users.byId(current.claimedBy) : undefined;
      throw conflict('CLAIMED_BY_OTHER', `${holder?.handle ?? 'Another moderator'} is working on this item.`, {
        claimedBy: holder?.handle ?? null, claimExpiresAt: current?.claimExpiresAt ?? null,
      });
    }
    await this.audit(moderator, 'queue.claim', claimed);
    this.publishChange(claimed, 'claimed', moderator.handle);
    return { id: claimed.id, claimedBy: moderator.handle, claimExpiresAt: claimed.claimExpiresAt };
  }

  async release(moderator: UserRow, itemId: string) {
    const item = await this.itemFor(moderator, itemId);
    const released = await this.deps.repos.queue.release(item.id, moderator.id);
    if (!released) throw conflict('NOT_CLAIMED', 'You do not hold a claim on this item.');
    await this.audit(moderator, 'queue.release', released);
    this.publishChange(released, 'released');
    return { id: released.id };
  }

  async decide(moderator: UserRow, itemId: string, decision: Decision, note?: string) {
    const { repos, now } = this.deps;
    const item = await this.itemFor(moderator, itemId);
    const message = (await repos.messages.byId(item.messageId))!;
    const at = now();
    const wasPublished = VISIBLE.includes(message.status);
    const closing = decision.action !== 'escalate';
    const reasonCode = decision.action === 'reject' ? decision.reasonCode : null;
    const decided = await repos.queue.decide(item.id, moderator.id, at, {
      status: closing ? 'decided' : 'escalated',
      decision: decision.action,
      reasonCode,
    });
    if (!decided) {
      const current = await repos.queue.byId(item.id);
      if (current?.status === 'decided') throw conflict('ALREADY_DECIDED', 'Another moderator has already decided this item.');
      throw conflict('CLAIM_REQUIRED', 'Claim this item before deciding it (your claim may have expired).');
    }

    let updated: MessageRow | undefined = message;
    const data: Record<string, unknown> = { messageId: message.id, source: item.source };
    if (decision.action === 'approve') {
      updated = await repos.messages.update(message.id, {
        status: message.redacted ? 'published_redacted' : 'published',
        reason: message.redacted ? 'A moderator approved your message. Some parts stay hidden to protect privacy.' : 'A moderator approved your message.',
        originalEnc: null,
        decidedAt: at,
      });
    } else if (decision.action === 'edit_approve') {
      data.editedLength = decision.text.length;
      updated = await repos.messages.update(message.id, {
        status: 'published_redacted',
        redacted: true,
        body: decision.text,
        ...(decision.title !== undefined && message.title !== null ? { title: decision.title } : {}),
        reason: 'A moderator approved your message after editing it, for example to remove private details.',
        originalEnc: null,
        decidedAt: at,
      });
    } else if (decision.action === 'reject') {
      updated = await repos.messages.update(message.id, {
        status: 'rejected',
        reason: `Your message was not published. ${REJECT_EXPLANATION[decision.reasonCode]}`,
        originalEnc: null,
        decidedAt: at,
      });
    }
    if (note) {
      const saved = await repos.queue.addNote({ id: newId(), messageId: message.id, authorId: moderator.id, body: note });
      data.noteId = saved.id;
    }
    await this.audit(moderator, `queue.${decision.action}`, decided, data, reasonCode);
    if (closing && updated) {
      // Report items on a message that is still up: approving keeps it up, nothing to re-announce.
      const republish = !(wasPublished && VISIBLE.includes(updated.status));
      if (republish) await this.messages.afterOutcome(updated, { wasPublished, countApproval: item.source === 'pipeline' && VISIBLE.includes(updated.status) });
    }
    this.publishChange(decided, closing ? 'decided' : 'escalated');
    return { id: decided.id, status: decided.status, decision: decision.action, messageStatus: updated?.status ?? message.status };
  }

  /** Claims and decides each selected item in turn; one failure does not stop the rest. */
  async bulk(moderator: UserRow, itemIds: string[], decision: Extract<Decision, { action: 'approve' } | { action: 'reject' }>) {
    const results: Array<{ id: string; ok: boolean; code?: string; messageStatus?: string }> = [];
    for (const id of itemIds) {
      try {
        await this.claim(moderator, id);
        const done = await this.decide(moderator, id, decision);
        results.push({ id, ok: true, messageStatus: done.messageStatus });
      } catch (error) {
        results.push({ id, ok: false, code: error instanceof HavenError ? error.code : 'INTERNAL' });
        if (!(error instanceof HavenError)) this.deps.log.error({ err: error }, 'bulk decision failed');
      }
    }
    return { results };
  }

  async addNote(moderator: UserRow, itemId: string, body: string) {
    const item = await this.itemFor(moderator, itemId);
    const note = await this.deps.repos.queue.addNote({ id: newId(), messageId: item.messageId, authorId: moderator.id, body });
    await this.audit(moderator, 'queue.note', item, { noteId: note.id });
    return { id: note.id, author: moderator.handle, body: note.body, createdAt: note.createdAt };
  }

  /** Shows the original of a redacted or held item to the moderator who holds its claim. Audited. */
  async reveal(moderator: UserRow, itemId: string, reason: string) {
    const { repos, now, sealer } = this.deps;
    const item = await this.itemFor(moderator, itemId);
    if (item.claimedBy !== moderator.id || (item.claimExpiresAt ?? 0) < now()) {
      throw conflict('CLAIM_REQUIRED', 'Claim this item before revealing its original text.');
    }
    const message = (await repos.messages.byId(item.messageId))!;
    if (!message.originalEnc) throw new HavenError(410, 'ORIGINAL_PURGED', 'The original text is no longer kept (decided or past the retention period).');
    const original = JSON.parse(sealer.open(message.originalEnc)) as { b: string; t?: string };
    await this.audit(moderator, 'message.reveal', item, { messageId: message.id }, reason);
    return { text: original.b, title: original.t ?? null, findings: publicFindings(parseFindings(message)) };
  }

  private async itemFor(moderator: UserRow, itemId: string): Promise<QueueItemRow> {
    const item = await this.deps.repos.queue.byId(itemId);
    // Non-moderators learn nothing about whether the item exists.
    if (!item || !(await this.communities.isModerator(moderator, item.communityId))) throw notFound('Queue item');
    return item;
  }

  private async itemSummary(item: QueueItemRow, authors: AuthorDirectory) {
    const claimedBy = item.claimedBy && (item.claimExpiresAt ?? 0) >= this.deps.now() ? await authors.get(item.claimedBy, 'moderator') : null;
    return {
      id: item.id, communityId: item.communityId, messageId: item.messageId, source: item.source, status: item.status,
      urgent: item.urgent, risk: item.risk, reasons: item.reasons ? item.reasons.split(',') : [], createdAt: item.createdAt,
      claim: claimedBy ? { by: claimedBy.handle, byId: claimedBy.id, expiresAt: item.claimExpiresAt } : null,
      decision: item.decision, reasonCode: item.reasonCode, decidedAt: item.decidedAt,
    };
  }

  /** A few visible messages before the item in its thread or room, and the one it replies to. */
  private async context(message: MessageRow, viewer: UserRow, authors: AuthorDirectory) {
    const { repos } = this.deps;
    let before: MessageRow[] = [];
    if (message.roomId) before = await repos.messages.roomMessages(message.roomId, viewer.id, 6, message.createdAt);
    else if (message.threadId) before = (await repos.messages.threadMessages(message.threadId, viewer.id, 200)).filter((m) => m.createdAt < message.createdAt).slice(-6);
    const visible = before.filter((m) => VISIBLE.includes(m.status) && m.id !== message.id);
    const replyTo = message.replyToId ? await repos.messages.byId(message.replyToId) : undefined;
    return {
      before: await Promise.all(visible.map((m) => messageView(m, authors))),
      replyTo: replyTo && VISIBLE.includes(replyTo.status) ? await messageView(replyTo, authors) : null,
    };
  }

  private async audit(moderator: UserRow, action: string, item: QueueItemRow, data: Record<string, unknown> = {}, reason?: string | null) {
    await this.deps.repos.audit.append(
      { actorId: moderator.id, action, targetType: 'queue_item', targetId: item.id, communityId: item.communityId, reason: reason ?? null, data: { messageId: item.messageId, ...data } },
      this.deps.now(),
    );
  }

  private publishChange(item: QueueItemRow, change: string, by?: string) {
    this.deps.bus.publish(`moderators:${item.communityId}`, {
      type: 'queue.changed', change,
      item: { id: item.id, messageId: item.messageId, communityId: item.communityId, status: item.status, urgent: item.urgent, claimedBy: by ?? null, claimExpiresAt: item.claimExpiresAt },
    });
  }
}

/** Findings as moderators see them: spans and explanations, never the matched text. */
function publicFindings(findings: Finding[]) {
  return findings.map(({ stage, type, start, end, score, rule, message, action, urgent, detail, bodyStart, bodyEnd }) => ({
    stage, type, start, end, score, rule, message, action, ...(urgent ? { urgent } : {}), ...(detail ? { detail } : {}),
    ...(bodyStart !== undefined ? { bodyStart, bodyEnd } : {}),
  }));
}

function summariseCounts(rows: Array<{ communityId: string; status: string; urgent: boolean; n: number }>) {
  const total = { open: 0, escalated: 0, urgent: 0 };
  const byCommunity: Record<string, { open: number; escalated: number; urgent: number }> = {};
  for (const r of rows) {
    const c = (byCommunity[r.communityId] ??= { open: 0, escalated: 0, urgent: 0 });
    if (r.status === 'open') { c.open += r.n; total.open += r.n; }
    if (r.status === 'escalated') { c.escalated += r.n; total.escalated += r.n; }
    if (r.urgent) { c.urgent += r.n; total.urgent += r.n; }
  }
  return { total, byCommunity };
}
