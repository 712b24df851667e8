import type { Finding } from '../../moderation/index.js';
import type { MessageRow, UserRow, Repositories } from '../../db/repositories/index.js';

export interface AuthorView {
  id: string;
  handle: string;
  role: string;
  /** Present on messages written as a verified clinician. */
  clinician?: { credential: string; jurisdiction: string };
}

/** What any member who may see the message gets. Never includes the original text. */
export interface MessageView {
  id: string;
  communityId: string;
  threadId: string | null;
  roomId: string | null;
  replyToId: string | null;
  title: string | null;
  body: string;
  notes: string[];
  status: MessageRow['status'];
  redacted: boolean;
  createdAt: number;
  author: AuthorView;
}

/** The author's own view adds the moderation outcome in their words. */
export interface OwnMessageView extends MessageView {
  reason: string;
  findings: Array<Pick<Finding, 'stage' | 'type' | 'rule' | 'message' | 'start' | 'end'>>;
}

/** Resolves author handles and clinician badges, cached per request. */
export class AuthorDirectory {
  private readonly cache = new Map<string, Promise<AuthorView>>();
  constructor(private readonly repos: Repositories) {}

  /** Loads many authors in one query (a queue page), so get() then answers from memory. */
  async prime(rows: Array<{ authorId: string; authorRole: string }>): Promise<void> {
    const wanted = rows.filter((r) => r.authorRole !== 'clinician' && !this.cache.has(`${r.authorId}:${r.authorRole}`));
    if (wanted.length === 0) return;
    const users = new Map((await this.repos.users.byIds([...new Set(wanted.map((r) => r.authorId))])).map((u) => [u.id, u]));
    for (const r of wanted) {
      this.cache.set(`${r.authorId}:${r.authorRole}`, Promise.resolve({ id: r.authorId, handle: users.get(r.authorId)?.handle ?? 'deleted', role: r.authorRole }));
    }
  }

  get(userId: string, roleAtTime: string): Promise<AuthorView> {
    const key = `${userId}:${roleAtTime}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.load(userId, roleAtTime);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private async load(userId: string, roleAtTime: string): Promise<AuthorView> {
    const user: UserRow | undefined = await this.repos.users.byId(userId);
    const view: AuthorView = { id: userId, handle: user?.handle ?? 'deleted', role: roleAtTime };
    if (roleAtTime === 'clinician') {
      const v = await this.repos.users.activeVerification(userId);
      if (v) view.clinician = { credential: v.credential, jurisdiction: v.jurisdiction };
    }
    return view;
  }
}

export function parseFindings(row: MessageRow): Finding[] {
  return JSON.parse(row.findings) as Finding[];
}

export async function messageView(row: MessageRow, authors: AuthorDirectory): Promise<MessageView> {
  return {
    id: row.id,
    communityId: row.communityId,
    threadId: row.threadId,
    roomId: row.roomId,
    replyToId: row.replyToId,
    title: row.title,
    body: row.body,
    notes: JSON.parse(row.notes) as string[],
    status: row.status,
    redacted: row.redacted,
    createdAt: row.createdAt,
    author: await authors.get(row.authorId, row.authorRole),
  };
}

export async function ownMessageView(row: MessageRow, authors: AuthorDirectory): Promise<OwnMessageView> {
  return {
    ...(await messageView(row, authors)),
    reason: row.reason,
    findings: parseFindings(row).map(({ stage, type, rule, message, start, end }) => ({ stage, type, rule, message, start, end })),
  };
}

/** Picks the view a viewer is allowed to see. */
export function viewFor(viewerId: string, row: MessageRow, authors: AuthorDirectory): Promise<MessageView | OwnMessageView> {
  return row.authorId === viewerId ? ownMessageView(row, authors) : messageView(row, authors);
}
