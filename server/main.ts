/**
 * `npm start` (add `-- --demo` to seed a demo community). Starts Haven, creates the
 * bootstrap admin if configured, and shuts down gracefully on SIGINT/SIGTERM: stop taking
 * connections, finish in-flight moderation, close sockets and storage.
 */
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { ModelLoadError } from './moderation-stages.js';
import { DEMO_PASSWORD, ensureAdmin, seedDemo } from './seed.js';

async function main() {
  const demo = process.argv.includes('--demo');
  const config = loadConfig(process.env, demo ? { demo: true } : {});
  const app = await buildApp({ config });
  await ensureAdmin(app);
  if (config.demo) {
    const handles = await seedDemo(app);
    if (handles.length > 0) {
      process.stdout.write(`\nDemo community "diabetes-support" created. Accounts (password "${DEMO_PASSWORD}"): ${handles.join(', ')}\n\n`);
    }
  }
  await app.listen({ host: config.host, port: config.port });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining in-flight work');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.close().then(() => process.exit(0), (err: unknown) => {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`haven: configuration error (${error.code}): ${error.message}\n`);
  } else if (error instanceof ModelLoadError) {
    process.stderr.write(`haven: model error (${error.code}): ${error.message}\n`);
  } else {
    process.stderr.write(`haven: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
