/**
 * Haven's storage schema (SQLite dialect, the embedded default). Every query goes through
 * the repositories in ./repositories so another dialect can be added without touching routes.
 * Message bodies that must stay private (originals of redacted or held messages) are stored
 * only as AES-256-GCM ciphertext in `original_enc`.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at', { mode: 'number' }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  handle: text('handle').notNull(),
  handleKey: text('handle_key').notNull(),
  passwordHash: text('password_hash').notNull(),
  /** Global role: member, moderator (may be appointed per community), clinician (verified), admin. */
  role: text('role', { enum: ['member', 'moderator', 'clinician', 'admin'] }).notNull().default('member'),
  status: text('status', { enum: ['active', 'muted', 'suspended'] }).notNull().default('active'),
  mutedUntil: integer('muted_until', { mode: 'number' }),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_handle_key').on(t.handleKey)]);

export const sessions = sqliteTable('sessions', {
  id: text('id').primaryKey(),
  tokenHash: text('token_hash').notNull(),
  userId: text('user_id').notNull().references(() => users.id),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'number' }).notNull(),
}, (t) => [uniqueIndex('sessions_token_hash').on(t.tokenHash), index('sessions_user').on(t.userId)]);

export const clinicianVerifications = sqliteTable('clinician_verifications', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  fullName: text('full_name').notNull(),
  credential: text('credential').notNull(),
  jurisdiction: text('jurisdiction').notNull(),
  licenceNumber: text('licence_number').notNull(),
  verifiedAt: integer('verified_at', { mode: 'number' }).notNull(),
  verifiedBy: text('verified_by').notNull().references(() => users.id),
  revokedAt: integer('revoked_at', { mode: 'number' }),
  revokedBy: text('revoked_by').references(() => users.id),
}, (t) => [index('clinician_verifications_user').on(t.userId)]);

export const communities = sqliteTable('communities', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Partial CommunityPolicy as JSON; merged over the defaults when read. */
  policy: text('policy').notNull().default('{}'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('communities_slug').on(t.slug)]);

export const memberships = sqliteTable('memberships', {
  communityId: text('community_id').notNull().references(() => communities.id),
  userId: text('user_id').notNull().references(() => users.id),
  role: text('role', { enum: ['member', 'moderator'] }).notNull().default('member'),
  approvedCount: integer('approved_count').notNull().default(0),
  /** A moderator's mute in this community ends at this time. */
  mutedUntil: integer('muted_until', { mode: 'number' }),
  joinedAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.communityId, t.userId] }), index('memberships_user').on(t.userId)]);

export const threads = sqliteTable('threads', {
  id: text('id').primaryKey(),
  communityId: text('community_id').notNull().references(() => communities.id),
  authorId: text('author_id').notNull().references(() => users.id),
  /** The opening message; the thread is listed once that message is visible. */
  openingMessageId: text('opening_message_id'),
  lastActivityAt: integer('last_activity_at', { mode: 'number' }).notNull(),
  createdAt: createdAt(),
}, (t) => [index('threads_community').on(t.communityId, t.lastActivityAt)]);

export const rooms = sqliteTable('rooms', {
  id: text('id').primaryKey(),
  communityId: text('community_id').notNull().references(() => communities.id),
  name: text('name').notNull(),
  createdAt: createdAt(),
}, (t) => [index('rooms_community').on(t.communityId)]);

export const MESSAGE_STATUSES = ['pending', 'published', 'published_redacted', 'held', 'rejected'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const messages = sqliteTable('messages', {
  id: text('id').primaryKey(),
  communityId: text('community_id').notNull().references(() => communities.id),
  threadId: text('thread_id').references(() => threads.id),
  roomId: text('room_id').references(() => rooms.id),
  replyToId: text('reply_to_id'),
  authorId: text('author_id').notNull().references(() => users.id),
  /** The author's role when they wrote it (clinician badge, boundary rules). */
  authorRole: text('author_role').notNull(),
  /** Thread title, for the opening message of a thread (after moderation). */
  title: text('title'),
  /** What others see once published: redactions and censoring applied. */
  body: text('body').notNull(),
  /** The author's original words, encrypted, while a redacted or held item awaits a decision. */
  originalEnc: text('original_enc'),
  status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
  /** Did moderation change the text (published_redacted when published)? */
  redacted: integer('redacted', { mode: 'boolean' }).notNull().default(false),
  /** Why, in words the author understands. */
  reason: text('reason').notNull().default(''),
  /** Findings as JSON (spans and rule ids only, never text). */
  findings: text('findings').notNull().default('[]'),
  /** Notes appended when published (clinician disclaimer, context notes). */
  notes: text('notes').notNull().default('[]'),
  urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
  risk: real('risk').notNull().default(0),
  reportWeight: real('report_weight').notNull().default(0),
  moderationMs: real('moderation_ms').notNull().default(0),
  createdAt: createdAt(),
  decidedAt: integer('decided_at', { mode: 'number' }),
}, (t) => [
  index('messages_thread').on(t.threadId, t.createdAt),
  index('messages_room').on(t.roomId, t.createdAt),
  index('messages_author').on(t.authorId, t.communityId, t.createdAt),
  // Only the few messages still holding a sealed original: the retention purge reads this, not the table.
  index('messages_sealed').on(t.createdAt).where(sql`${t.originalEnc} is not null`),
]);

export const reports = sqliteTable('reports', {
  id: text('id').primaryKey(),
  messageId: text('message_id').notNull().references(() => messages.id),
  reporterId: text('reporter_id').notNull().references(() => users.id),
  reason: text('reason').notNull(),
  weight: real('weight').notNull(),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('reports_once').on(t.messageId, t.reporterId)]);

export const QUEUE_STATUSES = ['open', 'escalated', 'decided'] as const;

export const queueItems = sqliteTable('queue_items', {
  id: text('id').primaryKey(),
  messageId: text('message_id').notNull().references(() => messages.id),
  communityId: text('community_id').notNull().references(() => communities.id),
  /** Why it is in the queue: held by the pipeline, or reported after publishing. */
  source: text('source', { enum: ['pipeline', 'report'] }).notNull(),
  status: text('status', { enum: QUEUE_STATUSES }).notNull().default('open'),
  urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
  risk: real('risk').notNull().default(0),
  /** Distinct finding types / rules, comma separated, for filtering without parsing JSON. */
  reasons: text('reasons').notNull().default(''),
  claimedBy: text('claimed_by').references(() => users.id),
  claimExpiresAt: integer('claim_expires_at', { mode: 'number' }),
  decision: text('decision'),
  reasonCode: text('reason_code'),
  decidedBy: text('decided_by').references(() => users.id),
  decidedAt: integer('decided_at', { mode: 'number' }),
  createdAt: createdAt(),
}, (t) => [
  // Matches the listing's ORDER BY (urgent DESC, risk DESC, created_at) so a page is read in
  // index order, never sorted: the queue stays fast with a million messages stored.
  index('queue_priority').on(t.status, t.communityId, sql`${t.urgent} desc`, sql`${t.risk} desc`, t.createdAt),
  index('queue_oldest').on(t.status, t.communityId, t.createdAt),
  uniqueIndex('queue_message_open').on(t.messageId).where(sql`status <> 'decided'`),
]);

export const moderatorNotes = sqliteTable('moderator_notes', {
  id: text('id').primaryKey(),
  messageId: text('message_id').notNull().references(() => messages.id),
  authorId: text('author_id').notNull().references(() => users.id),
  body: text('body').notNull(),
  createdAt: createdAt(),
}, (t) => [index('moderator_notes_message').on(t.messageId)]);

/** Append-only: triggers in the migration refuse UPDATE and DELETE. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at', { mode: 'number' }).notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id').notNull(),
  communityId: text('community_id'),
  reason: text('reason'),
  /** PHI-free details (ids, codes, counts). */
  data: text('data').notNull().default('{}'),
}, (t) => [index('audit_community').on(t.communityId, t.at), index('audit_target').on(t.targetType, t.targetId)]);

export const sanctions = sqliteTable('sanctions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  communityId: text('community_id').references(() => communities.id),
  kind: text('kind', { enum: ['warn', 'mute', 'suspend'] }).notNull(),
  reason: text('reason').notNull(),
  until: integer('until', { mode: 'number' }),
  byId: text('by_id').notNull().references(() => users.id),
  createdAt: createdAt(),
}, (t) => [index('sanctions_user').on(t.userId, t.createdAt)]);
