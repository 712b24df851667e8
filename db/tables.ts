/**
 * The table objects repositories query. Both dialects expose the same keys; the SQLite
 * definitions in ./schema.ts are the one source and give the TypeScript types, and
 * ./schema-pg.ts derives the PostgreSQL tables from them.
 */
import type * as schema from './schema.js';

export interface Tables {
  users: typeof schema.users;
  sessions: typeof schema.sessions;
  clinicianVerifications: typeof schema.clinicianVerifications;
  communities: typeof schema.communities;
  memberships: typeof schema.memberships;
  threads: typeof schema.threads;
  rooms: typeof schema.rooms;
  messages: typeof schema.messages;
  reports: typeof schema.reports;
  queueItems: typeof schema.queueItems;
  moderatorNotes: typeof schema.moderatorNotes;
  auditLog: typeof schema.auditLog;
  sanctions: typeof schema.sanctions;
}

/** First row of a result, or undefined. */
export const first = <T>(rows: T[]): T | undefined => rows[0];

/**
 * A query built once and run many times with `sql.placeholder` values: drizzle then skips
 * rebuilding the SQL on every call, which was a third of the server's CPU per chat message.
 * Used for the hot lookups of the message path; both drivers accept `execute(values)`.
 */
export function preparedQuery<Q>(build: () => Q): () => Q {
  let query: Q | undefined;
  return () => (query ??= build());
}
