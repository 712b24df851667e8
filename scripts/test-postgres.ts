/**
 * `npm run test:postgres`: runs the database-backed suites again against PostgreSQL
 * (HAVEN_TEST_DB=postgres), so the same repositories and tests cover both dialects.
 * Without a reachable server it says so and skips, except in CI where it fails.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const SUITES = [
  'test/lifecycle.test.ts', 'test/authorization.test.ts', 'test/privacy.test.ts', 'test/reports.test.ts',
  'test/bad-input.test.ts', 'test/console-api.test.ts', 'test/crisis-flow.test.ts', 'test/queue-order.test.ts',
];
const url = process.env.HAVEN_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (!(await reachable())) {
  const where = new URL(url).host;
  if (process.env.CI) {
    process.stderr.write(`test:postgres: PostgreSQL is not reachable at ${where}; CI requires it\n`);
    process.exit(1);
  }
  process.stdout.write(`test:postgres: PostgreSQL is not reachable at ${where}; skipping the PostgreSQL run\n`);
  process.exit(0);
}
const { existsSync } = await import('node:fs');
const suites = SUITES.filter((f) => existsSync(f));
const res = spawnSync('npx', ['tap', ...suites], { stdio: 'inherit', env: { ...process.env, HAVEN_TEST_DB: 'postgres' } });
process.exit(res.status ?? 1);
