/**
 * The local web chat in a real browser: `src/main.ts` as `npm start` runs it (a child process
 * with a temp database and a free port), driven by Debian's Chromium through playwright-core.
 * Two students plot, answer quizzes by typing and by clicking, train on a CSV while progress
 * updates live, and play a round; the page also switches language and works at phone width.
 *
 * Chromium is required (CI installs it with apt): without it this test fails and says so.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateQuestion, keyText, parseTopic, type Difficulty } from '../../src/quiz/index.js';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(import.meta.dirname, '..', '..');
// The launch flags verified on this kind of machine (SETUP.md, "A real browser").
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const tmp = mkdtempSync(join(tmpdir(), 'gradbot-e2e-'));
let server: ChildProcess | undefined;
let serverOut = '';
let context: BrowserContext | undefined;
let page: Page;
let url = '';
const started = Date.now();

function childEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    // Empty door variables: neither the runner's environment nor a .env can add a token.
    TELEGRAM_BOT_TOKEN: '',
    DISCORD_TOKEN: '',
    DISCORD_APP_ID: '',
    LOCAL_CHAT: '',
    LOCAL_HOST: '',
    LOCAL_ACCESS_CODE: '',
    LOCAL_PORT: '0',
    DATABASE_PATH: join(tmp, 'e2e.db'),
    GRADBOT_DATA_DIR: join(tmp, 'data'),
    GRADBOT_WORKERS: '2',
    GRADBOT_LANG: 'en',
    LOG_LEVEL: 'warn',
  };
}

async function startServer(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  child.stdout?.on('data', (c: Buffer) => (serverOut += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (serverOut += c.toString('utf8')));
  const deadline = Date.now() + 40_000;
  for (;;) {
    const m = /gradbot local chat: (http:\/\/127\.0\.0\.1:\d+)/.exec(serverOut);
    if (m) return m[1] as string;
    if (child.exitCode !== null) throw new Error(`gradbot exited ${child.exitCode}:\n${serverOut}`);
    if (Date.now() > deadline) throw new Error(`gradbot did not print its URL:\n${serverOut}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (.ci/run installs it). This test does not skip.`);
  }
  const [u, ctx] = await Promise.all([
    startServer(),
    chromium.launchPersistentContext(join(tmp, 'profile'), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1100, height: 800 } }),
  ]);
  url = u;
  context = ctx;
  page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(15_000);
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise<number | null>((r) => server?.on('exit', (code) => r(code)));
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 8000))]);
    if (code === 'timeout') server.kill('SIGKILL');
  }
  rmSync(tmp, { recursive: true, force: true });
}, 30_000);

/** The parts of DOM nodes the checks read (the test is compiled without the DOM library). */
interface ImageLike {
  naturalWidth: number;
}
interface BoxLike {
  getBoundingClientRect(): { right: number; width: number };
}

/** Polls until the value matches (playwright's own `expect` is not in playwright-core). */
const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000, interval: 50 });

/** The bot's messages in the open chat. */
const botMessages = () => page.locator('#messages .msg.bot');

/** Types a line into the composer and sends it with Enter. */
async function send(text: string): Promise<void> {
  const input = page.locator('#input');
  await input.fill(text);
  await input.press('Enter');
  await eventually(() => input.inputValue()).toBe('');
}

/** Waits for a bot message whose text matches, and returns it. */
async function botMessage(re: RegExp): Promise<Locator> {
  const loc = botMessages().filter({ has: page.locator('.text', { hasText: re }) }).last();
  try {
    await loc.waitFor();
  } catch (e) {
    const shown = await botMessages().locator('.text').allTextContents();
    throw new Error(`no bot message matching ${re}; the chat shows:\n${shown.map((t) => `- ${t.slice(0, 300)}`).join('\n')}`, { cause: e });
  }
  return loc;
}

/** The question in a message, rebuilt from the id it shows, and its key in English. */
async function questionIn(msg: Locator) {
  const text = await msg.locator('.text').innerText();
  const m = /Question (\w+):(\d+):([123])/.exec(text);
  if (!m) throw new Error(`no question id in: ${text}`);
  const q = generateQuestion(parseTopic(m[1] as string), Number(m[2]), Number(m[3]) as Difficulty);
  return { q, key: keyText(q).en, id: `${m[1]}:${m[2]}:${m[3]}` };
}

async function selectStudent(name: string): Promise<void> {
  await page.locator('#student-select').selectOption({ label: name });
  await eventually(() => page.locator('#student-list li.active .label').textContent()).toBe(name);
}

describe('the local web chat in Chromium', { timeout: 40_000 }, () => {
  it('adds students, suggests commands, switches language and escapes names', async () => {
    await page.goto(url);
    for (const name of ['Alice', 'Bob', '<img src=x onerror=alert(1)>']) {
      await page.locator('#student-name').fill(name);
      await page.locator('#add-student button').click();
    }
    await eventually(() => page.locator('#student-select option').allTextContents()).toEqual(['Alice', 'Bob', '<img src=x onerror=alert(1)>']);
    expect(await page.locator('#sidebar img').count()).toBe(0); // the HTML-looking name is text
    await page.locator('#student-list li', { hasText: '<img' }).locator('button').click();
    await eventually(() => page.locator('#chat-list li .label').allTextContents()).toEqual(['Class group', 'Private: Alice', 'Private: Bob']);
    await selectStudent('Alice');

    await page.locator('#input').fill('/pl');
    const item = page.locator('#suggestions .item[data-command="plot"]');
    await item.waitFor();
    expect(await item.locator('.desc').textContent()).toMatch(/^[A-Z][a-z]/);
    await page.locator('.lang button[data-lang="ru"]').click();
    await page.locator('#input').fill('/pl');
    await page.locator('#suggestions .item[data-command="plot"]').waitFor();
    expect(await page.locator('#suggestions .item[data-command="plot"] .desc').textContent()).toMatch(/[а-яё]/i);
    expect(await page.locator('#send').textContent()).toBe('Отправить');
    await page.locator('#input').press('Tab');
    expect(await page.locator('#input').inputValue()).toBe('/plot ');
    await page.locator('#suggestions .hint').waitFor();
    expect(await page.locator('#suggestions .hint').textContent()).toContain('/plot <functions>');
    await page.locator('.lang button[data-lang="en"]').click();
    await page.locator('#input').fill('');
  });

  it('/plot relu shows the picture inline', async () => {
    await send('/plot relu');
    const msg = await botMessage(/ReLU/);
    const img = msg.locator('.images img');
    expect(await img.count()).toBe(1);
    await eventually(() => img.evaluate((n) => (n as unknown as ImageLike).naturalWidth)).toBeGreaterThan(100);
    const src = (await img.getAttribute('src')) ?? '';
    expect(src).toMatch(/^\/api\/images\/[0-9a-f-]{36}\.png$/);
    const res = await page.request.get(url + src);
    expect(res.headers()['content-type']).toBe('image/png');
  });

  it('/quiz backprop answered by typing the key of the question it shows', async () => {
    await send('/quiz backprop');
    const msg = await botMessage(/Question backprop:\d+:\d/);
    const { key, q } = await questionIn(msg);
    expect(q.answer.kind).toBe('number');
    await send(`/answer ${key}`);
    await botMessage(/^✅/);
  });

  it('a choice question answered by clicking its right button', async () => {
    let seed = 1;
    while (generateQuestion('activations', seed, 1).answer.kind !== 'choice') seed++;
    const q = generateQuestion('activations', seed, 1);
    if (q.answer.kind !== 'choice') throw new Error('unreachable');
    const before = await botMessages().filter({ has: page.locator('.text', { hasText: /^✅/ }) }).count();
    await send(`/quiz id:activations:${seed}:1`);
    const msg = await botMessage(new RegExp(`Question activations:${seed}:1`));
    const buttons = msg.locator('.buttons button');
    expect(await buttons.count()).toBe(q.answer.choices.length);
    await buttons.nth(q.answer.value).click();
    await eventually(() => botMessages().filter({ has: page.locator('.text', { hasText: /^✅/ }) }).count()).toBe(before + 1);
  });

  it('/train with an attached CSV shows live progress, then the loss curve', async () => {
    // Big enough to train for seconds (iris finishes faster than one progress edit): 2,000 rows
    // of 20 features, two classes by the sign of a sum, values from a fixed formula.
    const rows = ['f1,f2,f3,f4,f5,f6,f7,f8,f9,f10,f11,f12,f13,f14,f15,f16,f17,f18,f19,f20,label'];
    for (let r = 0; r < 2000; r++) {
      const xs = Array.from({ length: 20 }, (_, k) => Math.sin(r * 12.9898 + k * 78.233) * 2);
      rows.push([...xs.map((x) => x.toFixed(3)), xs[0]! + xs[1]! * xs[2]! > 0 ? 'yes' : 'no'].join(','));
    }
    const csv = join(tmp, 'class-data.csv');
    writeFileSync(csv, rows.join('\n') + '\n');
    // Record every text the message list shows, to catch the progress between its edits.
    // (A string: the test is compiled without the DOM library.)
    await page.evaluate(`(() => {
      const seen = (window.seen = []);
      new MutationObserver(() => {
        for (const n of document.querySelectorAll('#messages .msg.bot .text')) seen.push(n.textContent || '');
      }).observe(document.getElementById('messages'), { childList: true, subtree: true, characterData: true });
    })()`);
    await page.locator('#file-input').setInputFiles(csv);
    expect(await page.locator('#file-name').textContent()).toContain('class-data.csv');
    await send('/train hidden:256,256 lr:0.0003');
    await page.locator('#file-bar').waitFor({ state: 'hidden' });
    await page.locator('#messages .msg.me .files', { hasText: 'class-data.csv' }).waitFor();
    const result = await botMessage(/Classification of "label"/);
    const pictures = result.locator('.images img');
    const alts = await pictures.evaluateAll((ns) => ns.map((n) => (n as unknown as { alt: string }).alt));
    expect(alts.some((a) => /loss/i.test(a))).toBe(true);
    const curve = pictures.nth(alts.findIndex((a) => /loss/i.test(a)));
    await curve.scrollIntoViewIfNeeded(); // pictures load lazily
    await eventually(() => curve.evaluate((n) => (n as unknown as ImageLike).naturalWidth)).toBeGreaterThan(100);
    const progress = await botMessage(/^Done: \d+\s+epochs/);
    expect(await progress.locator('.meta .edited').textContent()).toBe('edited');
    expect(await progress.locator('.buttons').count()).toBe(0); // the cancel button went with the last edit
    const seen = (await page.evaluate('window.seen')) as string[];
    expect(seen.some((t) => /epoch\s+\d+\/\d+\s.*loss/.test(t))).toBe(true);
  });

  it('plays a /round with two students: the right answer scores, the board says so', async () => {
    await send('/round backprop 1 10');
    const msg = await botMessage(/Question 1 of 1/);
    const { key } = await questionIn(msg);
    await send(`/answer ${key}`);
    await page.locator('#messages .msg.private .text', { hasText: /^✅/ }).last().waitFor();
    await selectStudent('Bob');
    await send(`/answer ${Number(key) + 1000}`);
    const board = await botMessage(/🏁/);
    const text = await board.locator('.text').innerText();
    expect(text).toMatch(/Alice/);
    expect(text.indexOf('Alice')).toBeLessThan(text.indexOf('Bob') >= 0 ? text.indexOf('Bob') : Infinity);
  });

  it('has a private chat per student and works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 780 });
    const sidebarRight = () => page.locator('#sidebar').evaluate((n) => (n as unknown as BoxLike).getBoundingClientRect().right);
    await eventually(sidebarRight).toBeLessThanOrEqual(0); // off-canvas until the menu opens it
    await page.locator('#menu-toggle').click();
    await eventually(sidebarRight).toBeGreaterThan(200);
    await page.locator('#chat-list li', { hasText: 'Private: Alice' }).click();
    await eventually(() => page.locator('#chat-title').textContent()).toBe('Private: Alice');
    expect(await page.locator('#student-select').inputValue()).toMatch(/^s-[0-9a-f]{8}$/);
    expect(await page.locator('#student-select option:checked').textContent()).toBe('Alice');
    expect(await page.locator('#messages .msg').count()).toBe(0);
    await send('/help');
    await botMessage(/\/quiz/);
    const box = await page.locator('#messages .msg.bot').first().boundingBox();
    expect(box?.width ?? 999).toBeLessThanOrEqual(390);
    expect(Date.now() - started).toBeLessThan(90_000);
  });
});
