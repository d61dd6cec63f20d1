/**
 * A screenshot of the local web chat in Debian's Chromium, driven as a person would: switch
 * the page to the conversation's language, add the students in the sidebar, pick who writes,
 * type each command and press Enter, reply (↩) to the question, wait for the bot. Only the
 * address of the gradbot it is given (127.0.0.1) is opened; every other request is refused.
 */
import type { Browser, Page } from 'playwright-core';
import type { Conversation } from './class-conversation.js';

/** Where Debian's `chromium` package puts the browser (SETUP.md, "A real browser"). */
export const CHROMIUM = '/usr/bin/chromium';

/** Flags that work as root on this machine and keep Chromium off the network (SETUP.md). */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** About 1100×800, and tall enough for a question with its picture, the answer and the ✅. */
export const VIEWPORT = { width: 1100, height: 900 } as const;

/** How long one bot reply may take (a cold worker draws its first picture in a few seconds). */
const REPLY_TIMEOUT_MS = 60_000;

/**
 * Starts Chromium headless; Playwright gives it a fresh profile folder and removes it on
 * close. Signals are left to the caller, whose cleanup closes the browser gracefully (Playwright's
 * own Ctrl+C handler kills it and the process may exit before the folder is removed).
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false });
}

/** The parts of DOM nodes read here (this file is compiled without the DOM library). */
interface ImageLike {
  complete: boolean;
  naturalWidth: number;
}
interface BoxLike {
  getBoundingClientRect(): { top: number; bottom: number };
  classList: { contains(c: string): boolean };
}
interface ScrollBox extends BoxLike {
  scrollTop: number;
  clientHeight: number;
  children: ArrayLike<BoxLike>;
}

/**
 * Scrolls the chat so that the student's message of step `from` is at the top; if the first
 * bot reply after the student's message of step `through` would then be cut off, so that this
 * reply ends at the bottom instead (the reply is what the picture is for).
 */
async function frame(page: Page, from: number, through: number): Promise<void> {
  await page.locator('#messages').evaluate(
    (n, [fromStep, throughStep]) => {
      const box = n as unknown as ScrollBox;
      const all = Array.from(box.children);
      const students = all.filter((m) => !m.classList.contains('bot'));
      const first = students[fromStep];
      const asked = students[throughStep];
      const reply = asked ? all.slice(all.indexOf(asked)).find((m) => m.classList.contains('bot')) : undefined;
      if (!first || !reply) return;
      const top = box.getBoundingClientRect().top;
      const gap = 8;
      let scroll = box.scrollTop + first.getBoundingClientRect().top - top - gap;
      const end = box.scrollTop + reply.getBoundingClientRect().bottom - top + gap;
      if (end - scroll > box.clientHeight) scroll = end - box.clientHeight;
      box.scrollTop = scroll;
    },
    [from, through] as const,
  );
}

/** Bot messages shown, and whether every picture in the chat has loaded. */
async function botState(page: Page): Promise<{ bots: number; imagesReady: boolean }> {
  const bots = await page.locator('#messages .msg.bot').count();
  const imagesReady = await page
    .locator('#messages img')
    .evaluateAll((nodes) => nodes.every((n) => (n as unknown as ImageLike).complete && (n as unknown as ImageLike).naturalWidth > 0));
  return { bots, imagesReady };
}

/** Waits until `count` bot messages are shown with their pictures and nothing new came for a moment. */
async function waitForBot(page: Page, count: number, what: string): Promise<void> {
  const deadline = Date.now() + REPLY_TIMEOUT_MS;
  let quietSince = 0;
  let last = -1;
  for (;;) {
    const s = await botState(page);
    if (s.bots !== last) {
      last = s.bots;
      quietSince = Date.now();
    }
    // Quiet for 800 ms: a reply that is edited (a picture added afterwards) has settled too.
    if (s.bots >= count && s.imagesReady && Date.now() - quietSince > 800) return;
    if (Date.now() > deadline) {
      throw new Error(`the bot did not answer "${what}" within ${REPLY_TIMEOUT_MS / 1000} s (${s.bots} of ${count} bot messages shown)`);
    }
    await page.waitForTimeout(150);
  }
}

/** The page clears the input once the server has taken the message (202). */
async function waitForSent(page: Page, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await page.locator('#input').inputValue()) !== '') {
    if (Date.now() > deadline) {
      const error = (await page.locator('#error').textContent()) ?? '';
      throw new Error(`the page did not send "${what}"${error !== '' ? `: ${error}` : ''}`);
    }
    await page.waitForTimeout(100);
  }
}

/** Picks who writes, in the page's "writing as" list. */
async function writeAs(page: Page, student: string): Promise<void> {
  await page.locator('#student-select').selectOption({ label: student });
}

/** Plays the conversation in the page at `url` and returns the screenshot (PNG bytes). */
export async function photographConversation(browser: Browser, url: string, talk: Conversation, viewport: { width: number; height: number } = VIEWPORT): Promise<Buffer> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    locale: talk.lang === 'ru' ? 'ru-RU' : 'en-GB',
    timezoneId: 'Europe/Moscow',
    colorScheme: 'light',
  });
  try {
    // Only the bot's own address: the page must need nothing from the internet.
    const origin = new URL(url).origin;
    await context.route('**/*', (route) => (new URL(route.request().url()).origin === origin ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(`.lang button[data-lang="${talk.lang}"]`).click();
    for (const name of talk.students) {
      await page.locator('#student-name').fill(name);
      await page.locator('#student-name').press('Enter');
      await page.locator('#student-list li', { hasText: name }).waitFor();
    }

    let expected = 0;
    for (const step of talk.steps) {
      await writeAs(page, step.student);
      if (step.replyToQuestion) {
        const question = page.locator('#messages .msg.bot', { has: page.locator('img') }).last();
        await question.hover();
        await question.locator('button.reply').click();
      }
      const input = page.locator('#input');
      await input.fill(step.text);
      await input.press('Enter');
      await waitForSent(page, step.text);
      expected += step.replies;
      await waitForBot(page, expected, step.text);
    }

    await writeAs(page, talk.viewer);
    await waitForBot(page, expected, 'reopening the chat');
    // No focus ring, caret, hover or suggestion box in the picture.
    await page.locator('#input').blur();
    await page.mouse.move(0, viewport.height - 1);
    await frame(page, talk.frame.from, talk.frame.through);
    await page.waitForTimeout(200);
    return await page.screenshot({ type: 'png', animations: 'disabled', caret: 'hide' });
  } finally {
    await context.close();
  }
}
