/**
 * The PostgreSQL schema, derived at load time from the one schema source (./schema.ts), so
 * the two dialects cannot drift apart. drizzle-kit reads this file to generate the
 * PostgreSQL migrations in ./migrations/pg; the repositories use these tables when
 * DATABASE_URL points at PostgreSQL.
 *
 * Type mapping: text → text, integer timestamps/counters → bigint (as JS number),
 * integer booleans → boolean, real → double precision, autoincrement integer → bigserial.
 */
import { getTableColumns, is, SQL, sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, doublePrecision, foreignKey, index, pgTable, primaryKey, text, uniqueIndex,
  type PgColumnBuilderBase, type PgTableWithColumns,
} from 'drizzle-orm/pg-core';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as source from './schema.js';

// SQLite computes "now in milliseconds" with unixepoch(); PostgreSQL with extract(epoch).
const NOW_MS = sql`(floor(extract(epoch from clock_timestamp()) * 1000))::bigint`;

function pgColumn(column: SQLiteColumn): PgColumnBuilderBase {
  const name = column.name;
  let builder;
  switch (column.columnType) {
    case 'SQLiteText':
      builder = text(name);
      break;
    case 'SQLiteBoolean':
      builder = boolean(name);
      break;
    case 'SQLiteReal':
      builder = doublePrecision(name);
      break;
    case 'SQLiteInteger':
      builder = (column as unknown as { autoIncrement?: boolean }).autoIncrement ? bigserial(name, { mode: 'number' }) : bigint(name, { mode: 'number' });
      break;
    default:
      throw new Error(`schema-pg: no PostgreSQL mapping for ${column.columnType} (${name})`);
  }
  if (column.primary) builder = builder.primaryKey();
  if (column.notNull && !column.primary) builder = builder.notNull();
  if (column.hasDefault && column.default !== undefined) {
    builder = builder.default(is(column.default, SQL) ? NOW_MS : (column.default as never));
  }
  return builder;
}

const converted = new Map<string, PgTableWithColumns<any>>();

function toPg<T extends SQLiteTable>(table: T): T {
  const config = getTableConfig(table);
  const columns = getTableColumns(table) as Record<string, SQLiteColumn>;
  const keyOf = new Map(Object.entries(columns).map(([key, col]) => [col.name, key]));
  const builders = Object.fromEntries(Object.entries(columns).map(([key, col]) => [key, pgColumn(col)]));
  const pg = pgTable(config.name, builders, (t) => {
    const col = (c: { name: string }) => (t as Record<string, any>)[keyOf.get(c.name)!];
    const extras: any[] = [];
    for (const pk of config.primaryKeys) extras.push(primaryKey({ columns: pk.columns.map(col) as [any, ...any[]] }));
    for (const idx of config.indexes) {
      // Plain columns are mapped to their PostgreSQL twins; SQL expressions (e.g. "urgent desc") pass through.
      const cols = idx.config.columns.map((c) => (is(c, SQL) ? c : col(c as { name: string }))) as [any, ...any[]];
      let built = (idx.config.unique ? uniqueIndex(idx.config.name) : index(idx.config.name)).on(...cols);
      if (idx.config.where) built = built.where(idx.config.where);
      extras.push(built);
    }
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = converted.get(getTableConfig(ref.foreignTable).name);
      if (!target) throw new Error(`schema-pg: ${config.name} references ${getTableConfig(ref.foreignTable).name} before it is converted`);
      const targetKeys = new Map(Object.entries(getTableColumns(target) as Record<string, { name: string }>).map(([key, c]) => [c.name, key]));
      extras.push(foreignKey({
        columns: ref.columns.map(col) as [any, ...any[]],
        foreignColumns: ref.foreignColumns.map((c) => (target as Record<string, any>)[targetKeys.get(c.name)!]) as [any, ...any[]],
      }));
    }
    return extras;
  });
  converted.set(config.name, pg);
  return pg as unknown as T;
}

// Referenced tables first.
export const users = toPg(source.users);
export const sessions = toPg(source.sessions);
export const clinicianVerifications = toPg(source.clinicianVerifications);
export const communities = toPg(source.communities);
export const memberships = toPg(source.memberships);
export const threads = toPg(source.threads);
export const rooms = toPg(source.rooms);
export const messages = toPg(source.messages);
export const reports = toPg(source.reports);
export const queueItems = toPg(source.queueItems);
export const moderatorNotes = toPg(source.moderatorNotes);
export const auditLog = toPg(source.auditLog);
export const sanctions = toPg(source.sanctions);
