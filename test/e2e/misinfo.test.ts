/**
 * Misinformation in a real browser, with the production setup (the pipeline and the model in
 * a worker thread): a member's chat message repeating a known false claim is held, the member
 * reads a respectful explanation, and the moderator's console shows the score, the span, the
 * matched claim, its correction and the authority it rests on.
 * Skips, with a message, where /usr/bin/chromium is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Browser } from 'playwright-core';
import t from 'tap';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed.js';
import { chromiumMissing, launchBrowser, logInAt, SHOTS } from '../helpers/browser.js';

const CLAIM = 'My aunt says cinnamon cures diabetes, so you can stop your insulin once you take it every day.';

t.test('a held false claim: the member is told kindly, the moderator sees the correction', { skip: chromiumMissing }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'haven-e2e-misinfo-'));
  const logs: string[] = [];
  const logStream = new Writable({ write(chunk, _enc, cb) { logs.push(chunk.toString()); cb(); } });
  const config = loadConfig({}, { dataDir: dir, databaseUrl: `sqlite:${path.join(dir, 'haven.db')}`, logLevel: 'info', scryptCost: 1024, models: true, pipelineWorkers: 1 });
  const app = await buildApp({ config, logStream });
  await seedDemo(app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  let browser: Browser | undefined;
  t.teardown(async () => {
    await browser?.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { handle: 'demo_member', password: DEMO_PASSWORD } });
  const rooms = await app.inject({ method: 'GET', url: '/api/communities/diabetes-support/rooms', headers: { authorization: `Bearer ${login.json().token}` } });
  const room = (rooms.json() as Array<{ id: string; name: string }>).find((r) => r.name === 'General chat')!;

  browser = await launchBrowser();
  const errors: string[] = [];
  const memberCtx = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const member = await logInAt(memberCtx, base, 'demo_member', `/#/c/diabetes-support/r/${room.id}`);
  member.on('pageerror', (e) => errors.push(`member: ${e.message}`));
  const modCtx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const mod = await logInAt(modCtx, base, 'demo_moderator', '/console');
  mod.on('pageerror', (e) => errors.push(`moderator: ${e.message}`));
  for (const page of [member, mod]) await page.locator('#live-indicator[data-state="connected"]').waitFor();

  const box = member.getByLabel('Message #General chat');
  await box.fill(CLAIM);
  await box.press('Enter');
  const own = member.locator('article.msg-own', { hasText: 'cinnamon cures diabetes' });
  await own.waitFor();
  await member.locator('article.msg-own[data-status="held"]', { hasText: 'cinnamon' }).waitFor();
  t.match(await own.innerText(), /not a judgement of you/, 'the member reads a respectful explanation');
  await member.screenshot({ path: path.join(SHOTS, 'community-misinfo-phone.png'), animations: 'disabled' });

  const row = mod.locator('.queue-row', { hasText: 'cinnamon cures diabetes' });
  await row.waitFor();
  await row.locator('button.row-open').click();
  const finding = mod.locator('.finding', { hasText: 'MISINFO_CLAIM_MATCH' });
  await finding.waitFor();
  const text = await finding.innerText();
  t.match(text, /Matched claim/, 'the matched claim is shown');
  t.match(text, /Correction/, 'with its correction');
  t.match(text, /Source/, 'and the authority it rests on');
  t.ok((await mod.locator('#item-body mark').count()) > 0, 'the span is highlighted in the message');
  await mod.screenshot({ path: path.join(SHOTS, 'console-misinfo-desktop.png'), fullPage: true, animations: 'disabled' });

  t.same(errors, [], 'no script errors');
  t.notOk(logs.join('').includes('cinnamon'), 'no message text in the logs');
});
