/**
 * Shared setup of the browser tests: Debian's Chromium driven by playwright-core, screenshots
 * into docs/screenshots, and logging in through the API (the login page has its own test).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/seed.js';

export const CHROMIUM = process.env.HAVEN_CHROMIUM ?? '/usr/bin/chromium';
/** A skip reason for tap where Chromium is missing, else false. */
export const chromiumMissing: string | false = existsSync(CHROMIUM)
  ? false
  : `Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (.ci/run does) to run the browser tests`;
export const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 375, height: 812 };

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Logs a demo account in through the API (the context keeps the cookie) and opens `url`. */
export async function logInAt(context: BrowserContext, base: string, handle: string, url: string): Promise<Page> {
  await context.request.post(`${base}/api/auth/login`, { data: { handle, password: DEMO_PASSWORD } });
  const page = await context.newPage();
  await page.goto(`${base}${url}`);
  return page;
}
