/**
 * The rest of the moderator console and community page in a real browser: the crisis panel
 * and live crisis alert, another moderator's claim shown live, reveal of a redacted original
 * (audited), reject with a reason seen live by the author, notes, escalation, a sanction the
 * author is told about, bulk approval, a member's report, and an admin policy change.
 *
 * The app runs with the crisis stage added to the default stages (as `buildApp({ stages })`
 * allows). Skips, with a message, where /usr/bin/chromium is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Browser, Page } from 'playwright-core';
import t from 'tap';
import { crisisStage } from '../../moderation/crisis/index.js';
import { defaultStages } from '../../moderation/index.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed.js';
import { chromiumMissing, DESKTOP, launchBrowser, logInAt, PHONE, SHOTS } from '../helpers/browser.js';


async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
  await page.screenshot({ path: path.join(SHOTS, name), fullPage, animations: 'disabled' });
}

t.test('crisis, reveal, reject, notes, sanctions, bulk, reports and policy in the browser', { skip: chromiumMissing }, async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'haven-e2e-'));
  const logs: string[] = [];
  const logStream = new Writable({ write(chunk, _enc, cb) { logs.push(chunk.toString()); cb(); } });
  const stages = defaultStages();
  if (!stages.some((s) => s.name === 'crisis')) stages.push(crisisStage());
  const config = loadConfig({}, { dataDir: dir, databaseUrl: `sqlite:${path.join(dir, 'haven.db')}`, logLevel: 'info', scryptCost: 1024 });
  const app = await buildApp({ config, logStream, stages });
  await seedDemo(app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  let browser: Browser | undefined;
  t.teardown(async () => {
    await browser?.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, body?: unknown) => {
    const res = await app.inject({ method, url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { payload: JSON.stringify(body) } : {}) });
    return res.json();
  };
  const token = async (handle: string) => (await api('POST', '/api/auth/login', undefined, { handle, password: DEMO_PASSWORD })).token as string;
  const [member2, adminToken] = [await token('demo_member2'), await token('demo_admin')];
  const room = ((await api('GET', '/api/communities/diabetes-support/rooms', member2)) as Array<{ id: string; name: string }>).find((r) => r.name === 'General chat')!;
  await api('POST', `/api/rooms/${room.id}/messages`, member2, { text: 'Does anyone have tips for site changes on a pump?' });

  browser = await launchBrowser();
  const errors: string[] = [];
  const watch = (page: Page, who: string) => page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
  const memberCtx = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const member = await logInAt(memberCtx, base, 'demo_member', `/#/c/diabetes-support/r/${room.id}`);
  watch(member, 'member');
  const modCtx = await browser.newContext({ viewport: DESKTOP });
  const mod = await logInAt(modCtx, base, 'demo_moderator', '/console');
  watch(mod, 'moderator');
  for (const page of [member, mod]) await page.locator('#live-indicator[data-state="connected"]').waitFor();
  await member.locator('.chat-log article.msg').first().waitFor();
  const say = async (text: string) => {
    const box = member.getByLabel('Message #General chat');
    await box.fill(text);
    await box.press('Enter');
    await member.locator('article.msg-own', { hasText: text.slice(0, 30) }).waitFor();
  };
  const row = (text: string) => mod.locator('.queue-row', { hasText: text });

  // Crisis: the author gets resources at once; the moderators get an alert, the item goes first.
  await say('I can’t do this anymore. I want to end my life tonight.');
  const panel = member.getByRole('alert').filter({ hasText: 'You are not alone' });
  await panel.waitFor();
  t.match(await panel.innerText(), /988/, 'the crisis panel lists the community’s resources');
  await shoot(member, 'community-crisis-phone.png', false);
  await mod.locator('.alert-banner', { hasText: 'Crisis message' }).waitFor();
  await row('end my life').waitFor();
  t.match(await mod.locator('.queue-row').first().innerText(), /end my life[\s\S]*Urgent/, 'the crisis item is first, marked urgent');
  await member.getByRole('button', { name: 'Close' }).click();

  // A held message with a redacted email: reveal the original (audited), then reject with a reason.
  await say('Has anyone tried the miracle cure clinic? Email me at jo.smith@example.com');
  await row('miracle cure clinic').locator('button.row-open').click();
  await mod.locator('#item-body', { hasText: '[EMAIL]' }).waitFor();
  t.equal(await mod.locator('#item-body').innerText().then((s) => s.includes('jo.smith')), false, 'the console shows the redacted text first');
  await mod.keyboard.press('v');
  await mod.getByLabel(/Why do you need to see the original/).fill('Checking whether the address is the author’s own');
  await mod.getByRole('button', { name: 'Reveal', exact: true }).click();
  await mod.locator('#item-body', { hasText: 'jo.smith@example.com' }).waitFor();
  t.same(await mod.locator('#item-body mark.hl-phi').allInnerTexts(), ['jo.smith@example.com'], 'after a reveal, the finding is highlighted on the original');
  t.match(await mod.locator('.original-note').innerText(), /audit log/);
  await mod.keyboard.press('r');
  const reason = mod.getByLabel('Reason (the author is told)');
  t.equal(await reason.inputValue(), 'privacy', 'the reason code is suggested from the findings');
  await reason.press('Enter');
  const rejected = member.locator('article.msg-own[data-status="rejected"]');
  await rejected.waitFor();
  t.match(await rejected.innerText(), /Not published[\s\S]*shared private details/, 'the author sees the rejection and why, live');
  t.notOk(await member.locator('body').innerText().then((s) => s.includes('jo.smith@example.com')), 'the rejected text is not shown back');

  // Another moderator claims the crisis item: shown live; a note and an escalation.
  await row('end my life').locator('button.row-open').click();
  await mod.locator('#item-body mark.hl-crisis').waitFor();
  const crisisItemId = new URL(mod.url()).searchParams.get('item')!;
  await api('POST', `/api/queue/${crisisItemId}/claim`, adminToken);
  await mod.locator('.claim-box', { hasText: 'demo_admin is working on this' }).waitFor();
  t.ok(await mod.locator('.actions button[aria-keyshortcuts="a"]').isDisabled(), 'decisions are disabled while another moderator holds the claim');
  await api('POST', `/api/queue/${crisisItemId}/release`, adminToken);
  await mod.locator('.claim-box', { hasText: 'Nobody has claimed' }).waitFor();
  await mod.keyboard.press('n');
  await mod.getByLabel('Note for other moderators').fill('Reached out by direct message; staying with them.');
  await mod.keyboard.press('Control+Enter');
  await mod.locator('.notes-list', { hasText: 'Reached out by direct message' }).waitFor();
  await mod.keyboard.press('!');
  await mod.locator('.item h2', { hasText: 'Escalated' }).waitFor();
  t.pass('note added and item escalated with the keyboard');

  // A sanction: the moderator warns an author, who is told live.
  await api('POST', `/api/rooms/${room.id}/messages`, member2, { text: 'miracle cure question one' });
  await api('POST', `/api/rooms/${room.id}/messages`, member2, { text: 'miracle cure question two' });
  await say('This miracle cure talk again, honestly');
  await row('honestly').locator('button.row-open').click();
  await mod.locator('#item-body', { hasText: 'honestly' }).waitFor();
  await mod.keyboard.press('s');
  await mod.getByLabel('Reason (recorded in the audit log)').fill('Please keep to the community guidelines');
  await mod.getByRole('button', { name: 'Apply' }).click();
  await mod.locator('.compact', { hasText: 'Please keep to the community guidelines' }).waitFor();
  await member.getByRole('status').filter({ hasText: 'warning' }).waitFor();
  t.pass('the author sees the warning live');

  // Bulk approval of two selected items.
  for (const text of ['question one', 'question two']) await row(text).getByRole('checkbox').check();
  await mod.getByRole('button', { name: 'Approve selected' }).click();
  await mod.locator('#live-region', { hasText: '2 approved' }).waitFor();
  await row('question one').waitFor({ state: 'detached' });
  await member.locator('article.msg', { hasText: 'miracle cure question two' }).waitFor();
  t.pass('bulk approval publishes both, live');

  // A member reports a message; it reaches the queue live.
  const target = member.locator('article.msg', { hasText: 'tips for site changes' });
  await target.getByRole('button', { name: 'Report' }).click();
  await target.getByLabel('Why are you reporting this message?').selectOption('spam');
  await target.getByRole('button', { name: 'Send report' }).click();
  await target.locator('.report-result', { hasText: 'A moderator will look' }).waitFor();
  await row('tips for site changes').locator('.chip', { hasText: 'Reported' }).waitFor();
  t.pass('the report arrives in the queue live');

  // The admin adds a held phrase in the policy page.
  const adminCtx = await browser.newContext({ viewport: DESKTOP });
  const admin = await logInAt(adminCtx, base, 'demo_admin', '/admin#policy');
  watch(admin, 'admin');
  const holdList = admin.getByLabel('Hold for review (one per line)');
  await holdList.waitFor();
  await holdList.fill('miracle cure\nsnake oil');
  await admin.getByLabel('Reason for the change (audited)').fill('Members asked us to review snake oil offers');
  await admin.getByRole('button', { name: 'Save policy' }).click();
  await admin.locator('#live-region', { hasText: 'Policy of' }).waitFor();
  const policy = (await api('GET', '/api/communities/diabetes-support', adminToken)).policy;
  t.same(policy.wordLists.hold, ['miracle cure', 'snake oil'], 'the policy change is saved');
  await admin.goto(`${base}/admin`);
  await admin.locator('tr[data-user="demo_clinician"]').waitFor();
  await shoot(admin, 'admin-desktop.png', false);

  const audit = (await api('GET', '/api/audit?limit=200', adminToken)) as Array<{ action: string; reason: string | null }>;
  for (const action of ['message.reveal', 'queue.reject', 'queue.escalate', 'queue.note', 'sanction.warn', 'queue.approve', 'policy.update']) {
    t.ok(audit.some((a) => a.action === action), `audited: ${action}`);
  }
  t.same(errors, [], 'no script errors');
  const logText = logs.join('');
  t.notOk(logText.includes('jo.smith') || logText.includes('end my life'), 'no message text or PHI in the logs');
});
