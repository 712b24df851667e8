/**
 * Opens the database named by DATABASE_URL and applies migrations on first start.
 * - `sqlite:<file>`: better-sqlite3 in WAL mode with foreign keys on (the embedded default).
 * - `postgres://…`: node-postgres pool, for several instances sharing one database.
 * Repositories get the drizzle handle and the dialect's tables; their queries are awaited,
 * which both drivers support, so the same repository code serves both.
 */
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as sqliteSchema from './schema.js';
import * as pgSchema from './schema-pg.js';
import type { Tables } from './tables.js';

/**
 * The drizzle handle, typed as the SQLite flavour (the schema source). A PostgreSQL handle
 * has the same query-builder surface for everything the repositories use.
 */
export type Db = BetterSQLite3Database<Record<string, never>>;

export interface DbHandle {
  db: Db;
  tables: Tables;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
  /** Cheap query for readiness checks. */
  ping(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

export async function openDatabase(databaseUrl: string): Promise<DbHandle> {
  if (databaseUrl.startsWith('sqlite:')) return openSqlite(databaseUrl.slice('sqlite:'.length));
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return openPostgres(databaseUrl);
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}

function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  cacheStatements(sqlite);
  const db = drizzleSqlite(sqlite);
  migrateSqlite(db, { migrationsFolder: path.join(here, 'migrations', 'sqlite') });
  return {
    db: db as unknown as Db,
    tables: sqliteSchema,
    dialect: 'sqlite',
    async close() {
      sqlite.close();
    },
    async ping() {
      sqlite.prepare('select 1').get();
    },
  };
}

/**
 * drizzle asks better-sqlite3 to compile every query's SQL on every call; compiling cost more
 * than running in the chat benchmark. Statements are kept by SQL text instead (bounded).
 * drizzle switches a statement to raw (array) rows when it maps columns itself, so a reused
 * reader starts each use in the default mode.
 */
function cacheStatements(sqlite: Database.Database, max = 512): void {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false);
      return statement;
    }
    statement = compile(source);
    if (cache.size >= max) cache.delete(cache.keys().next().value!);
    cache.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

async function openPostgres(url: string): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A pool error (e.g. the server restarted) must not crash the process; queries will fail and be retried by callers.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool);
  // Several instances may start together: a session-level advisory lock serialises migrations.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(727274)');
    await migratePg(drizzlePg(client), { migrationsFolder: path.join(here, 'migrations', 'pg') });
  } finally {
    await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
    client.release();
  }
  return {
    db: db as unknown as Db,
    tables: pgSchema as unknown as Tables,
    dialect: 'postgres',
    async close() {
      await pool.end();
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
  };
}
