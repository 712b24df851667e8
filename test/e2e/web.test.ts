/**
 * The web app in a real browser (Debian's Chromium through playwright-core) against a real
 * Haven server on a real SQLite file: a member's chat message is held; the moderator sees it
 * arrive live, claims it, sees the highlighted finding, edits and approves it with the
 * keyboard; the member sees the approval live, and another member sees the message appear.
 * Screenshots of the console and community pages (desktop and phone) go to docs/screenshots.
 *
 * Skips, with a message, where /usr/bin/chromium is missing (HAVEN_CHROMIUM overrides the path).
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import t from 'tap';
import { DEMO_PASSWORD, seedDemo } from '../../server/seed.js';
import { startHarness, type Harness } from '../helpers/harness.js';
import { chromiumMissing, DESKTOP, launchBrowser, PHONE, SHOTS } from '../helpers/browser.js';

const HELD_TEXT = 'I read about a miracle cure for neuropathy';

/** Every form control must have a label the screen reader can read. */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((el) => {
        const control = el as HTMLInputElement;
        return !(control.labels && control.labels.length > 0) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)));
}

async function logIn(context: BrowserContext, base: string, handle: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

/** Screenshot without the transient toasts and with animations settled. */
async function shoot(page: Page, name: string, fullPage: boolean): Promise<void> {
  await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
  await page.screenshot({ path: path.join(SHOTS, name), fullPage, animations: 'disabled' });
}

const live = (page: Page) => page.locator('#live-indicator[data-state="connected"]').waitFor();

t.test('moderating a held message in the browser, live on both sides', { skip: chromiumMissing }, async (t) => {
  const h: Harness = await startHarness();
  // Real time for the browser's sake (claim leases, "just now").
  Object.defineProperty(h.clock, 'now', { get: () => Date.now() });
  await seedDemo(h.app);
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  let browser: Browser | undefined;
  t.teardown(async () => {
    await browser?.close();
    await h.close();
  });

  // Some community life first, through the API, so the pages show something real.
  const token = async (handle: string) => (await h.api('POST', '/api/auth/login', undefined, { handle, password: DEMO_PASSWORD })).json().token as string;
  const [member2, clinician] = [await token('demo_member2'), await token('demo_clinician')];
  const rooms = (await h.api('GET', '/api/communities/diabetes-support/rooms', member2)).json() as Array<{ id: string; name: string }>;
  const room = rooms.find((r) => r.name === 'General chat')!;
  const thread = (await h.api('POST', '/api/communities/diabetes-support/threads', member2, {
    title: 'Lows around 3am', text: 'Anyone else wake up low around 3am? Text me at 503-555-0142 if you want to compare notes.',
  })).json().message;
  t.equal(thread.status, 'published_redacted');
  await h.api('POST', `/api/threads/${thread.threadId}/messages`, clinician, { text: 'Overnight lows are common. Keeping a log of bedtime readings helps your care team adjust your plan.' });
  await h.api('POST', `/api/rooms/${room.id}/messages`, member2, { text: 'Good morning everyone, fasting was 112 today.' });
  await h.api('POST', `/api/rooms/${room.id}/messages`, clinician, { text: 'Morning! A steady fasting number is a good start to the day.' });

  browser = await launchBrowser();
  const errors: string[] = [];
  const watch = (page: Page, who: string) => {
    page.on('pageerror', (e) => errors.push(`${who}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${who}: ${m.text()}`); });
  };

  // The member on a phone, in the room; another member on a desktop, in the same room.
  const memberCtx = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const member = await logIn(memberCtx, base, 'demo_member');
  watch(member, 'member');
  t.equal(new URL(member.url()).pathname, '/', 'a member lands on the community pages');
  await member.getByRole('link', { name: 'Open' }).click();
  await member.getByRole('heading', { name: 'Type 1 & Type 2 Diabetes Support' }).waitFor();
  t.same(await unlabelledControls(member), [], 'community page: every control is labelled');
  await member.getByRole('link', { name: /General chat/ }).click();
  await member.locator('.chat-log article.msg').first().waitFor();
  await live(member);

  const otherCtx = await browser.newContext({ viewport: DESKTOP });
  const other = await logIn(otherCtx, base, 'demo_member2');
  watch(other, 'member2');
  await other.goto(`${base}/#/c/diabetes-support/r/${room.id}`);
  await other.locator('.chat-log article.msg').first().waitFor();
  await live(other);
  t.ok(await other.locator('.badge-clinician', { hasText: 'RN, CDCES' }).count() > 0, 'the clinician badge shows the credential');

  // The moderator on a desktop, in the console.
  const modCtx = await browser.newContext({ viewport: DESKTOP });
  const mod = await logIn(modCtx, base, 'demo_moderator');
  watch(mod, 'moderator');
  t.equal(new URL(mod.url()).pathname, '/console', 'a moderator lands on the review queue');
  await live(mod);
  await mod.locator('.queue-list .list-empty').waitFor();
  await mod.evaluate(() => { (window as unknown as { marker: number }).marker = 1; });
  await member.evaluate(() => { (window as unknown as { marker: number }).marker = 1; });

  // 1. The member sends a message with a held phrase: it is held, and they are told why.
  const composer = member.getByLabel('Message #General chat');
  await composer.fill(HELD_TEXT);
  await composer.press('Enter');
  const own = member.locator('article.msg-own', { hasText: HELD_TEXT });
  await own.and(member.locator('[data-status="held"]')).waitFor();
  t.match(await own.locator('.own-status').innerText(), /waiting for a volunteer moderator[\s\S]*word or phrase this community reviews/i, 'the author sees why it is held');
  t.equal(await other.locator('article.msg', { hasText: 'miracle cure' }).count(), 0, 'another member does not see the held message');

  // 2. The moderator sees it arrive live, without reloading.
  const row = mod.locator('.queue-row', { hasText: HELD_TEXT });
  await row.waitFor();
  t.match(await row.innerText(), /WORD_LIST:WORDLIST_HOLD/, 'the row shows why it is queued');
  t.match(await mod.locator('.counts').innerText(), /1\s*open/, 'counts update live');

  // 3. Keyboard: j selects, c claims; the finding is highlighted on its span.
  await mod.keyboard.press('j');
  await mod.locator('#item-body').waitFor();
  await mod.keyboard.press('c');
  await mod.locator('.claim-box', { hasText: 'Claimed by you' }).waitFor();
  t.same(await mod.locator('#item-body mark.hl').allInnerTexts(), ['miracle cure'], 'the word-list finding is highlighted on its span');
  t.match(await mod.locator('.finding').first().innerText(), /Word list: phrase held for review[\s\S]*WORDLIST_HOLD/);
  t.same(await unlabelledControls(mod), [], 'console: every control is labelled');
  await mod.keyboard.press('?');
  t.ok(await mod.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible(), '? shows the keys');
  await mod.keyboard.press('Escape');
  await shoot(mod, 'console-desktop.png', true);
  // The same item on a phone (a fresh page at phone width: the filters start folded).
  const modPhoneCtx = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, storageState: await modCtx.storageState() });
  const modPhone = await modPhoneCtx.newPage();
  watch(modPhone, 'moderator-phone');
  await modPhone.goto(mod.url());
  await modPhone.locator('#item-body mark.hl').waitFor();
  t.notOk(await modPhone.locator('details.filters-box').evaluate((el) => (el as HTMLDetailsElement).open), 'filters are folded on a phone');
  await shoot(modPhone, 'console-phone.png', true);
  await modPhoneCtx.close();

  // 4. e opens the editor; select "miracle cure" with the keyboard, Alt+X redacts, Ctrl+Enter approves.
  await mod.keyboard.press('e');
  const editor = mod.locator('#edit-text');
  await editor.waitFor();
  t.ok(await editor.evaluate((el) => el === document.activeElement), 'the editor has focus');
  await mod.keyboard.press('Control+Home');
  for (let i = 0; i < 'I read about a '.length; i++) await mod.keyboard.press('ArrowRight');
  for (let i = 0; i < 'miracle cure'.length; i++) await mod.keyboard.press('Shift+ArrowRight');
  await mod.keyboard.press('Alt+KeyX');
  t.equal(await editor.inputValue(), 'I read about a [REDACTED] for neuropathy', 'Alt+X redacts the selected span');
  await mod.keyboard.press('Control+Enter');
  await mod.locator('.queue-list .list-empty').waitFor();

  // 5. The member sees the approval live; the other member sees the edited message appear.
  const approved = member.locator('article.msg-own[data-status="published_redacted"]', { hasText: 'I read about a [REDACTED] for neuropathy' });
  await approved.waitFor();
  t.match(await approved.locator('.own-status').innerText(), /moderator approved your message after editing it/i, 'the author is told live');
  await other.locator('article.msg', { hasText: 'I read about a [REDACTED] for neuropathy' }).waitFor();
  t.equal(await other.locator('article.msg', { hasText: 'miracle cure' }).count(), 0, 'the redacted words never reach other members');
  t.same([await mod.evaluate(() => (window as unknown as { marker?: number }).marker), await member.evaluate(() => (window as unknown as { marker?: number }).marker)], [1, 1], 'no page reloaded: it all arrived live');

  await shoot(member, 'community-phone.png', false);
  await shoot(other, 'community-desktop.png', false);
  await member.goto(`${base}/#/c/diabetes-support/t/${thread.threadId}`);
  await member.locator('.badge-clinician').waitFor();
  await shoot(member, 'thread-phone.png', true);

  // 6. The decision is audited, and the dashboard counts it.
  await mod.goto(`${base}/console/audit`);
  await mod.locator('td', { hasText: 'queue.edit_approve' }).waitFor();
  await mod.goto(`${base}/console/dashboard`);
  await mod.locator('[data-stat="decided"]', { hasText: '1' }).waitFor();
  await shoot(mod, 'dashboard-desktop.png', true);

  const audit = (await h.api('GET', '/api/audit?action=queue.edit_approve', await token('demo_admin'))).json();
  t.equal(audit.length, 1);
  t.equal(audit[0].actor.handle, 'demo_moderator');
  t.same(errors, [], 'no script errors in any page');
  t.notOk(h.logs.join('').includes('miracle cure'), 'no message text in the logs');
  t.notOk(h.logs.join('').includes(DEMO_PASSWORD), 'no password in the logs');
});
