import { defineConfig } from 'drizzle-kit';

/** PostgreSQL migrations, generated from the same schema source (db/schema-pg.ts derives from db/schema.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema-pg.ts',
  out: './db/migrations/pg',
});
