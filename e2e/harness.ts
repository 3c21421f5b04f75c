import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { it } from 'vitest';
import { databasePath } from '../src-main/host/paths';
import { hashPassword } from '../src-main/features/users/password';
import type { Role } from '../src-shared/domain/roles';
import { startHost, type RunningHost } from './webHost';

// What every end-to-end spec does the same way: Debian Chromium in Chinese and Shanghai
// time, a page whose faults are collected, steps that stop at the first failure, the
// first-run setup form, accounts written straight into the database, signing in and out,
// and a spec's host, browser and page started and stopped together (the host: webHost.ts).

export const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What a spec runs against: a web host on a fresh data folder, Chromium and a page opened by openPage. */
export interface Desk {
  host: RunningHost;
  browser: Browser;
  page: Page;
  pageErrors: string[];
}

/** Starts a host, launches Chromium and opens a page in it; if a later part fails, what already started is stopped. */
export async function startDesk(options: { acceptDownloads?: boolean } = {}): Promise<Desk> {
  const host = await startHost();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    return { host, browser, ...(await openPage(browser, options)) };
  } catch (error) {
    await browser?.close();
    await host.stop();
    throw error;
  }
}

/** Closes the browser and stops the host of startDesk (either may be missing when it failed). */
export async function stopDesk(desk: { host?: RunningHost; browser?: Browser }): Promise<void> {
  await desk.browser?.close();
  await desk.host?.stop();
}

/** A user as the specs name one: what they sign in with and what the user menu shows. */
export interface Account {
  username: string;
  password: string;
  displayName: string;
}

/** Launches Chromium (CHROMIUM_PATH, else Debian's) headless, without sandbox or GPU. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Opens a page in a new zh-CN, Asia/Shanghai context (1440 × 900, 15 s default timeout).
 * `pageErrors` collects script errors, console errors and every HTTP response of 400 or
 * more; the specs expect it empty at the end.
 */
export async function openPage(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<{ page: Page; pageErrors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Shanghai', ...options });
  const page = await context.newPage();
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  page.on('response', (response) => {
    // Refusals such as INVALID_TRANSITION come back as results; a failed HTTP request is a fault.
    if (response.status() >= 400) pageErrors.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`);
  });
  page.on('console', (message) => {
    // Failed loads are reported (with their address) by the response listener.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
  return { page, pageErrors };
}

/** Test files in which a step has failed. */
const brokenFiles = new WeakSet<object>();
/** The pages this test file has open: shown as they were when a step fails. */
const openPages = new Set<Page>();

/**
 * A step of a journey; once one fails, the later ones of its file are skipped instead of
 * timing out. A failing step leaves a screenshot of every open page, named after the file,
 * with its address in the log, since a CI run is often all there is to go on.
 */
export function step(name: string, fn: () => Promise<void>): void {
  it(name, async (ctx) => {
    if (brokenFiles.has(ctx.task.file)) ctx.skip();
    try {
      await fn();
    } catch (error) {
      brokenFiles.add(ctx.task.file);
      let n = 0;
      for (const page of openPages) {
        const shot = `FAILED-${path.basename(ctx.task.file.name, '.spec.ts')}-${++n}`;
        console.error(`${shot}: ${page.url()}`);
        await screenshot(page, shot).catch(() => undefined);
      }
      throw error;
    }
  });
}

/** Saves a full-page screenshot as e2e/artifacts/`name`.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Fills the first-run setup form (company and administrator); demo data is left as offered. */
export async function fillSetupForm(page: Page, desk: { companyName: string; admin: Account }): Promise<void> {
  await page.locator('input[name=companyName]').fill(desk.companyName);
  await page.locator('input[name=username]').fill(desk.admin.username);
  await page.locator('input[name=displayName]').fill(desk.admin.displayName);
  await page.locator('input[name=password]').fill(desk.admin.password);
  await page.locator('input[name=confirm]').fill(desk.admin.password);
}

/**
 * Runs first-run setup at `url` through the UI without demo data; resolves on the empty
 * queue, signed in as `admin`. (journey.spec.ts goes through the form itself, with demo data.)
 */
export async function setUpDesk(page: Page, desk: { url: string; companyName: string; admin: Account }): Promise<void> {
  await page.goto(desk.url);
  await page.getByTestId('setup-form').waitFor();
  await fillSetupForm(page, desk);
  await page.locator('input[name=demoData]').uncheck();
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('queue-empty').waitFor();
}

/**
 * Writes an account straight into the host's database, quicker than the accounts page
 * (accounts.spec.ts goes through it; an account written here need not change its password),
 * and WAL lets a second connection write while the host runs. Pages that already
 * fetched the engineer list need a reload to see it.
 */
export async function addAccount(dataDir: string, account: Account & { role: Role }): Promise<void> {
  const passwordHash = await hashPassword(account.password);
  const db = new Database(databasePath(dataDir));
  try {
    db.prepare('INSERT INTO users (username, display_name, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)').run(
      account.username,
      account.displayName,
      passwordHash,
      account.role,
      Date.now(),
    );
  } finally {
    db.close();
  }
}

/** Signs in from the sign-in form; resolves once the user menu shows the account's name. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.locator('input[name=username]').fill(account.username);
  await page.locator('input[name=password]').fill(account.password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-menu').filter({ hasText: account.displayName }).waitFor();
}

/** Signs out through the user menu; resolves once the sign-in form shows. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('sign-in-form').waitFor();
}

/**
 * First-run setup with demo data by `admin` (waiting for the demo queue), then `account`
 * added straight into the database and signed in in the admin's place.
 */
export async function setUpDemoDeskAs(page: Page, host: RunningHost, desk: { companyName: string; admin: Account }, account: Account & { role: Role }): Promise<void> {
  await page.goto(host.url);
  await page.getByTestId('setup-form').waitFor();
  await fillSetupForm(page, desk);
  await page.getByTestId('setup-submit').click();
  await page.getByTestId('ticket-row').first().waitFor({ timeout: 45_000 });
  await addAccount(host.dataDir, account);
  await signOut(page);
  await signIn(page, account);
}

/**
 * Enters a request for a new customer from the queue with the keyboard (N, type the name,
 * Enter to create it, Ctrl+Enter to save) and returns its row in the queue.
 */
export async function enterRequest(page: Page, request: { customer: string; phone?: string; subject: string; description: string }) {
  await page.getByTestId('nav-tickets').click();
  await page.getByTestId('queue-title').waitFor();
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  await page.keyboard.press('n');
  await page.locator('[data-testid="customer-input"]:focus').waitFor();
  await page.keyboard.type(request.customer);
  await page.getByTestId('customer-create').waitFor();
  await page.keyboard.press('Enter');
  if (request.phone) await page.locator('input[name=customerPhone]').fill(request.phone);
  await page.getByTestId('subject-input').fill(request.subject);
  await page.locator('textarea[name=description]').fill(request.description);
  await page.getByTestId('subject-input').focus();
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('new-ticket-form').waitFor({ state: 'hidden' });
  const row = page.getByTestId('ticket-row').filter({ hasText: request.subject });
  await row.waitFor();
  return row;
}
