import { mapSpansToPublished, type CommunityPolicy, type Finding, type ModerationResult } from '../../moderation/index.js';
import { VISIBLE, type MembershipRow, type MessageRow, type UserRow } from '../../db/repositories/index.js';
import type { MessageStatus } from '../../db/schema.js';
import { badRequest, forbidden, HavenError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { CommunitiesService } from './communities.js';
import type { ServiceDeps } from './deps.js';
import { AuthorDirectory, messageView, ownMessageView, viewFor, type MessageView, type OwnMessageView } from './views.js';

export type SubmitTarget =
  | { kind: 'thread'; communityId: string; title: string; text: string }
  | { kind: 'reply'; threadId: string; text: string; replyToId?: string | undefined }
  | { kind: 'chat'; roomId: string; text: string; replyToId?: string | undefined };

export interface SubmitResult {
  message: OwnMessageView;
  /** Crisis resources shown to the author at once when a crisis was detected. */
  crisisResources?: string[];
}

export const REPORT_REASONS = ['privacy', 'misinformation', 'harassment', 'spam', 'crisis', 'boundary', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

const STATUS_OF: Record<ModerationResult['action'], MessageStatus> = {
  publish: 'published',
  redact: 'published_redacted',
  hold: 'held',
  reject: 'rejected',
};

interface SealedOriginal {
  b: string;
  t?: string;
}

/**
 * The one message lifecycle for forum and chat: stored as `pending` (original sealed), run
 * through the pipeline, then exactly one of published, published_redacted, held, rejected.
 * Storing before moderating means an accepted message survives a crash: pending messages
 * are moderated again at start (see recoverPending).
 */
export class MessagesService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly communities: CommunitiesService,
  ) {}

  async submit(author: UserRow, target: SubmitTarget): Promise<SubmitResult> {
    const { repos, config, now } = this.deps;
    this.checkCanPost(author);
    const text = target.text.trim();
    if (text.length === 0) throw badRequest('EMPTY_MESSAGE', 'Please write something before sending.');
    if (text.length > config.maxMessageChars) {
      throw new HavenError(413, 'TEXT_TOO_LONG', `Messages can be at most ${config.maxMessageChars} characters.`);
    }

    let communityId: string;
    let threadId: string | null = null;
    let roomId: string | null = null;
    let replyToId: string | null = null;
    let title: string | undefined;
    if (target.kind === 'thread') {
      communityId = (await this.communities.find(target.communityId)).id;
      title = target.title.trim();
      if (title.length === 0) throw badRequest('EMPTY_TITLE', 'Please give your thread a title.');
      if (title.length > config.maxTitleChars) throw new HavenError(413, 'TITLE_TOO_LONG', `Titles can be at most ${config.maxTitleChars} characters.`);
    } else if (target.kind === 'reply') {
      const thread = await repos.messages.threadById(target.threadId);
      if (!thread) throw notFound('Thread');
      communityId = thread.communityId;
      threadId = thread.id;
      replyToId = target.replyToId ?? thread.openingMessageId;
    } else {
      const room = await repos.communities.roomById(target.roomId);
      if (!room) throw notFound('Chat room');
      communityId = room.communityId;
      roomId = room.id;
      replyToId = target.replyToId ?? null;
    }
    const membership = await this.communities.requireMember(author, communityId);
    if (membership?.mutedUntil && membership.mutedUntil > now()) {
      throw new HavenError(403, 'ACCOUNT_MUTED', 'A moderator has paused your posting in this community for a while. You can still read.');
    }

    if (replyToId) {
      const parent = await repos.messages.byId(replyToId);
      const sameConversation = parent && (threadId ? parent.threadId === threadId : parent.roomId === roomId);
      if (!parent || !sameConversation || !(VISIBLE.includes(parent.status) || parent.authorId === author.id)) {
        throw notFound('The message you are replying to');
      }
    }

    const at = now();
    if (target.kind === 'thread') {
      threadId = (await repos.messages.createThread({ id: newId(), communityId, authorId: author.id, lastActivityAt: at })).id;
    }
    const sealed: SealedOriginal = title !== undefined ? { b: text, t: title } : { b: text };
    const row = await repos.messages.insert({
      id: newId(), communityId, threadId, roomId, replyToId, authorId: author.id, authorRole: author.role,
      title: null, body: '', originalEnc: this.deps.sealer.seal(JSON.stringify(sealed)), status: 'pending', createdAt: at,
    });
    if (target.kind === 'thread') await repos.messages.setOpeningMessage(threadId!, row.id);
    return this.moderateStored(row, sealed, membership);
  }

  /** Runs the pipeline on a stored pending message and applies the outcome. */
  private async moderateStored(row: MessageRow, original: SealedOriginal, membership?: MembershipRow | null): Promise<SubmitResult> {
    const { repos, pipeline } = this.deps;
    const policy = await this.communities.policy(row.communityId);
    const input = await this.stageInput(row, policy, membership);
    const moderated = await pipeline.moderate({ ...input, text: original.b });
    // Moderators see the redacted body; keep each finding's span on it too, for highlighting.
    const bodySpans = mapSpansToPublished(moderated.findings);
    const bodyResult: ModerationResult = {
      ...moderated,
      findings: moderated.findings.map((f, i) => ({ ...f, bodyStart: bodySpans[i]!.start, bodyEnd: bodySpans[i]!.end })),
    };
    let result = bodyResult;
    let title: string | null = null;
    if (original.t !== undefined) {
      // The title is moderated as its own text; its findings are marked so spans stay unambiguous.
      const titleResult = await pipeline.moderate({ ...input, text: original.t, history: undefined });
      title = titleResult.publishedText;
      result = combine(bodyResult, titleResult);
    }
    const status = STATUS_OF[result.action];
    const keepOriginal = status === 'held' || status === 'published_redacted';
    const updated = (await repos.messages.transition(row.id, ['pending'], {
      status,
      body: result.action === 'reject' ? '' : bodyResult.publishedText,
      title: result.action === 'reject' ? null : title,
      redacted: result.action === 'redact' || bodyResult.publishedText !== original.b || (title !== null && title !== original.t),
      originalEnc: keepOriginal ? row.originalEnc : null,
      reason: result.reason,
      findings: JSON.stringify(result.findings),
      notes: JSON.stringify(result.notes),
      urgent: result.urgent,
      risk: result.risk,
      moderationMs: result.ms,
      decidedAt: status === 'held' ? null : this.deps.now(),
    }))!;
    if (status === 'held') {
      await repos.queue.insert({
        id: newId(), messageId: updated.id, communityId: updated.communityId, source: 'pipeline', urgent: result.urgent,
        risk: result.urgent ? 1 : result.risk, reasons: reasonsOf(result.findings), createdAt: updated.createdAt,
      });
    }
    const authors = new AuthorDirectory(repos);
    await this.afterOutcome(updated, status === 'held' ? { queueChange: 'added', authors } : { authors });
    const crisis = result.findings.some((f) => f.type === 'CRISIS');
    if (crisis) {
      this.deps.bus.publish(`moderators:${updated.communityId}`, {
        type: 'crisis.alert', messageId: updated.id, communityId: updated.communityId,
        kinds: [...new Set(result.findings.filter((f) => f.type === 'CRISIS').map((f) => f.detail?.kind))],
      });
      this.deps.bus.publish(`user:${updated.authorId}`, { type: 'crisis.resources', messageId: updated.id, resources: policy.crisisResources });
    }
    return { message: await ownMessageView(updated, authors), ...(crisis ? { crisisResources: policy.crisisResources } : {}) };
  }

  /**
   * Effects of a message reaching a state: count approvals, deliver published messages,
   * tell the author, and tell moderators about queue changes. Used by the queue service too.
   */
  async afterOutcome(
    row: MessageRow,
    options: { queueChange?: 'added'; wasPublished?: boolean; countApproval?: boolean; authors?: AuthorDirectory } = {},
  ): Promise<void> {
    const { repos, bus } = this.deps;
    const { queueChange, wasPublished = false, countApproval = !wasPublished } = options;
    const authors = options.authors ?? new AuthorDirectory(repos);
    if (VISIBLE.includes(row.status)) {
      if (countApproval) await repos.communities.incrementApproved(row.communityId, row.authorId);
      if (row.threadId) await repos.messages.touchThread(row.threadId, this.deps.now());
      const view = await messageView(row, authors);
      const event = { type: 'message.published', message: view };
      if (row.roomId) bus.publish(`room:${row.roomId}`, event);
      if (row.threadId) bus.publish(`thread:${row.threadId}`, event);
      bus.publish(`community:${row.communityId}`, event);
    } else if (wasPublished) {
      const event = { type: 'message.removed', messageId: row.id, threadId: row.threadId, roomId: row.roomId };
      if (row.roomId) bus.publish(`room:${row.roomId}`, event);
      if (row.threadId) bus.publish(`thread:${row.threadId}`, event);
      bus.publish(`community:${row.communityId}`, event);
    }
    bus.publish(`user:${row.authorId}`, { type: 'message.status', message: await ownMessageView(row, authors) });
    if (queueChange) {
      const item = await repos.queue.openForMessage(row.id);
      if (item) {
        bus.publish(`moderators:${row.communityId}`, {
          type: 'queue.changed', change: queueChange,
          item: { id: item.id, messageId: row.id, communityId: row.communityId, urgent: item.urgent, risk: item.risk, reasons: item.reasons, source: item.source, createdAt: item.createdAt },
        });
      }
    }
  }

  /** Moderates messages left pending by a crash or shutdown; nothing accepted is lost. */
  async recoverPending(): Promise<number> {
    const rows = await this.deps.repos.messages.pending();
    for (const row of rows) {
      const original = JSON.parse(this.deps.sealer.open(row.originalEnc!)) as SealedOriginal;
      await this.moderateStored(row, original);
    }
    return rows.length;
  }

  async get(viewer: UserRow, messageId: string): Promise<MessageView | OwnMessageView> {
    const row = await this.deps.repos.messages.byId(messageId);
    if (!row) throw notFound('Message');
    await this.communities.requireMember(viewer, row.communityId);
    if (!VISIBLE.includes(row.status) && row.authorId !== viewer.id) {
      // Moderators read held items through the queue, where access is audited and claim-bound.
      throw notFound('Message');
    }
    return viewFor(viewer.id, row, new AuthorDirectory(this.deps.repos));
  }

  async listThreads(viewer: UserRow, communityId: string, limit: number) {
    const community = await this.communities.find(communityId);
    await this.communities.requireMember(viewer, community.id);
    const authors = new AuthorDirectory(this.deps.repos);
    const rows = await this.deps.repos.messages.listThreads(community.id, viewer.id, limit);
    return Promise.all(rows.map(async ({ thread, opening }) => ({
      id: thread.id, communityId: thread.communityId, lastActivityAt: thread.lastActivityAt, opening: await viewFor(viewer.id, opening, authors),
    })));
  }

  async thread(viewer: UserRow, threadId: string, limit: number) {
    const thread = await this.deps.repos.messages.threadById(threadId);
    if (!thread) throw notFound('Thread');
    await this.communities.requireMember(viewer, thread.communityId);
    const rows = await this.deps.repos.messages.threadMessages(thread.id, viewer.id, limit);
    if (!rows.some((r) => r.id === thread.openingMessageId)) throw notFound('Thread');
    const authors = new AuthorDirectory(this.deps.repos);
    return { id: thread.id, communityId: thread.communityId, messages: await Promise.all(rows.map((r) => viewFor(viewer.id, r, authors))) };
  }

  async roomMessages(viewer: UserRow, roomId: string, limit: number, before?: number) {
    const room = await this.communities.room(viewer, roomId);
    const rows = await this.deps.repos.messages.roomMessages(room.id, viewer.id, limit, before);
    const authors = new AuthorDirectory(this.deps.repos);
    return Promise.all(rows.map((r) => viewFor(viewer.id, r, authors)));
  }

  /**
   * A member reports a published message. Reports always reach the queue; once their summed
   * weight reaches the community's threshold the message is hidden pending review.
   */
  async report(reporter: UserRow, messageId: string, reason: ReportReason): Promise<{ hidden: boolean }> {
    const { repos, now } = this.deps;
    const row = await repos.messages.byId(messageId);
    if (!row) throw notFound('Message');
    await this.communities.requireMember(reporter, row.communityId);
    if (!VISIBLE.includes(row.status)) throw notFound('Message');
    if (row.authorId === reporter.id) throw badRequest('CANNOT_REPORT_OWN', 'You cannot report your own message. You can ask a moderator to remove it.');
    const weight = (await this.communities.isModerator(reporter, row.communityId)) ? 3 : 1;
    const added = await repos.messages.addReport({ id: newId(), messageId: row.id, reporterId: reporter.id, reason, weight });
    if (!added) return { hidden: false };
    const policy = await this.communities.policy(row.communityId);
    const updated = (await repos.messages.byId(row.id))!;
    let item = await repos.queue.openForMessage(row.id);
    const urgent = reason === 'crisis';
    if (!item) {
      item = await repos.queue.insert({
        id: newId(), messageId: row.id, communityId: row.communityId, source: 'report', urgent, risk: Math.min(1, updated.reportWeight / policy.reports.hideThreshold),
        reasons: `REPORT:${reason}`, createdAt: now(),
      });
    } else {
      await repos.queue.update(item.id, {
        urgent: item.urgent || urgent,
        risk: Math.max(item.risk, Math.min(1, updated.reportWeight / policy.reports.hideThreshold)),
        reasons: item.reasons.includes(`REPORT:${reason}`) ? item.reasons : `${item.reasons},REPORT:${reason}`,
      });
    }
    let hidden = false;
    if (updated.reportWeight >= policy.reports.hideThreshold) {
      const held = await repos.messages.transition(row.id, VISIBLE, {
        status: 'held',
        reason: 'Your message is hidden while a moderator reviews reports from other members.',
      });
      if (held) {
        hidden = true;
        await this.afterOutcome(held, { wasPublished: true });
      }
    }
    this.deps.bus.publish(`moderators:${row.communityId}`, {
      type: 'queue.changed', change: 'reported',
      item: { id: item.id, messageId: row.id, communityId: row.communityId, urgent: item.urgent || urgent, source: item.source },
    });
    return { hidden };
  }

  /** Author history shown to moderators: counts by outcome, past decisions, reports. */
  async authorHistory(authorId: string, communityId: string) {
    const { repos } = this.deps;
    const [byStatus, decisions, reportsReceived, user, sanctions, membership] = await Promise.all([
      repos.messages.authorHistory(authorId, communityId),
      repos.queue.decisionsForAuthor(authorId, communityId, 10),
      repos.messages.reportCountByAuthor(authorId, communityId),
      repos.users.byId(authorId),
      repos.sanctions.forUser(authorId, communityId, 10),
      repos.communities.membership(communityId, authorId),
    ]);
    return {
      messages: Object.fromEntries(byStatus.map((s) => [s.status, s.n])),
      decisions,
      reportsReceived,
      handle: user?.handle ?? null,
      status: user?.status ?? null,
      mutedUntil: membership?.mutedUntil ?? null,
      sanctions: sanctions.map((s) => ({ kind: s.kind, reason: s.reason, until: s.until, createdAt: s.createdAt })),
    };
  }

  private checkCanPost(author: UserRow): void {
    if (author.status === 'suspended') throw new HavenError(403, 'ACCOUNT_SUSPENDED', 'This account is suspended.');
    if (author.status === 'muted' && (author.mutedUntil ?? Infinity) > this.deps.now()) {
      throw new HavenError(403, 'ACCOUNT_MUTED', 'A moderator has paused your posting for a while. You can still read.');
    }
  }

  /** `membership` is passed when the caller has just read it (null: an admin who is not a member). */
  private async stageInput(row: MessageRow, policy: CommunityPolicy, known?: MembershipRow | null) {
    const { repos, now } = this.deps;
    const at = now();
    const window = Math.max(policy.rateLimit.windowSeconds, policy.rateLimit.duplicateWindowSeconds) * 1000;
    const [membership, recent, parent] = await Promise.all([
      known !== undefined ? known : repos.communities.membership(row.communityId, row.authorId),
      repos.messages.recentByAuthor(row.authorId, row.communityId, at - window),
      row.replyToId ? repos.messages.byId(row.replyToId) : Promise.resolve(undefined),
    ]);
    return {
      authorRole: row.authorRole as 'member' | 'clinician' | 'moderator' | 'admin',
      policy,
      now: at,
      history: {
        approvedCount: membership?.approvedCount ?? 0,
        recent: recent.map((m) => ({ text: m.body, createdAt: m.createdAt })),
      },
      ...(parent && parent.id !== row.id
        ? { replyTo: { text: parent.title ? `${parent.title}\n\n${parent.body}` : parent.body, authorRole: parent.authorRole as 'member' } }
        : {}),
    };
  }
}

function reasonsOf(findings: Finding[]): string {
  return [...new Set(findings.filter((f) => f.action === 'hold' || f.action === 'reject' || f.urgent).map((f) => `${f.type}:${f.rule}`))].join(',');
}

/** Merges the title's moderation into the body's: the stricter action wins. */
function combine(body: ModerationResult, title: ModerationResult): ModerationResult {
  const order = ['publish', 'redact', 'hold', 'reject'] as const;
  const action = order[Math.max(order.indexOf(body.action), order.indexOf(title.action))]!;
  const titleFindings = title.findings.map((f) => ({ ...f, detail: { ...(f.detail ?? {}), field: 'title' } }));
  const reason = action === body.action ? body.reason || title.reason : title.reason;
  return {
    ...body,
    action,
    findings: [...body.findings, ...titleFindings],
    reason,
    urgent: body.urgent || title.urgent,
    risk: Math.max(body.risk, title.risk),
    notes: [...new Set([...body.notes, ...title.notes])],
    ms: body.ms + title.ms,
  };
}
