/**
 * `npm run admin:create -- <handle>`: creates an admin account. The password is read from
 * HAVEN_ADMIN_PASSWORD or from standard input (never from the command line, which shells keep).
 */
import { createInterface } from 'node:readline';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';

async function readPassword(): Promise<string> {
  if (process.env.HAVEN_ADMIN_PASSWORD) return process.env.HAVEN_ADMIN_PASSWORD;
  process.stderr.write('Password (at least 10 characters): ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line.trim();
  }
  return '';
}

async function main() {
  const handle = process.argv[2];
  if (!handle || !/^[A-Za-z0-9_.-]{3,32}$/.test(handle)) {
    process.stderr.write('usage: npm run admin:create -- <handle>   (3-32 letters, digits, _ . -)\n');
    process.exit(2);
  }
  const password = await readPassword();
  if (password.length < 10) {
    process.stderr.write('admin:create: the password must be at least 10 characters\n');
    process.exit(2);
  }
  const app = await buildApp({ config: loadConfig(process.env, { logLevel: 'warn', adminHandle: '', adminPassword: '' }) });
  try {
    const user = await app.services.accounts.createAdmin(handle, password);
    process.stdout.write(`created admin ${user.handle} (${user.id})\n`);
  } catch (error) {
    process.stderr.write(`admin:create: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

void main();
