/**
 * The page in a real browser (Debian's Chromium through playwright-core, as in
 * test/e2e/local-chat.browser.test.ts): a refused message shows the server's reason in the
 * page's language, so a Russian page never shows an English error.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBot } from './fake-bot.js';
import { startDoor, type Door } from './harness.js';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let d: Door;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install the chromium package (see SETUP.md)`);
  d = await startDoor(createFakeBot());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await d?.door.stop();
});

describe('the page', () => {
  it('shows a refused message in Russian when the page is in Russian', async () => {
    const context = await (browser as Browser).newContext();
    const page = await context.newPage();
    await page.goto(d.url);
    await page.click('.lang button[data-lang="ru"]');
    await page.fill('#student-name', 'Аня');
    await page.press('#student-name', 'Enter');
    // Longer than the 4,096 characters a message may have: the server refuses it.
    await page.fill('#input', 'я'.repeat(5000));
    await page.click('#send');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toBe('Не удалось отправить: Запрос не подходит (тело сообщения): text: должно быть не длиннее 4096 символов.');
    await context.close();
  }, 30_000);
});
