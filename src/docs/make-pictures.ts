/**
 * `npm run pictures [-- --out DIR] [--only NAME,...] [--lang en|ru]`: draws the README's
 * pictures with gradbot itself and writes them into docs/pictures/ (or DIR):
 *
 * - activations.png, quiz-graph.png, quiz-solution.png, loss-curve.png, decision-boundary.png:
 *   drawn in the worker pool from fixed inputs (a question id, a training seed), in --lang
 *   (default en, the README's language);
 * - local-chat.png (Russian, the course's language) and local-chat-en.png: gradbot started
 *   as `npm start` starts it, its local chat driven in Debian's Chromium.
 *
 * NAME is a file name without `.png` (`--only local-chat,loss-curve`). The script stops by
 * itself, and on any exit (also Ctrl+C) ends the bot and the browser and removes their folders.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import type { Lang } from '../core/errors.js';
import { createPool, type WorkerPool } from '../jobs/pool.js';
import { REPO_ROOT, startBot, type BotProcess } from './bot-process.js';
import { CHART_PICTURES, drawChart, trainingOnce } from './chart-pictures.js';
import { launchChromium, photographConversation } from './chat-screenshot.js';
import { CONVERSATIONS } from './class-conversation.js';

/** Above this a picture is too heavy for a README; the run fails and says which one. */
export const MAX_BYTES = 300 * 1024;

/** The screenshots: file name -> conversation language. */
const SCREENSHOTS: ReadonlyArray<{ file: string; lang: Lang }> = [
  { file: 'local-chat.png', lang: 'ru' },
  { file: 'local-chat-en.png', lang: 'en' },
];

/** Every file the script can write, without `.png`. */
export const PICTURE_NAMES: readonly string[] = [...CHART_PICTURES.map((p) => p.file), ...SCREENSHOTS.map((s) => s.file)].map((f) => f.replace(/\.png$/, ''));

const USAGE = `Usage: npm run pictures [-- --out DIR] [--only NAME,...] [--lang en|ru]
Names: ${PICTURE_NAMES.join(', ')}`;

/** Parsed flags. */
interface Flags {
  out: string;
  only: Set<string>;
  lang: Lang;
}

function parseFlags(argv: string[]): Flags {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, only: { type: 'string' }, lang: { type: 'string' }, help: { type: 'boolean' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  const lang = values.lang ?? 'en';
  if (lang !== 'en' && lang !== 'ru') throw new Error(`--lang takes en or ru, got "${lang}".\n${USAGE}`);
  const only = new Set((values.only ?? PICTURE_NAMES.join(',')).split(',').map((s) => s.trim().replace(/\.png$/, '')).filter((s) => s !== ''));
  const unknown = [...only].filter((n) => !PICTURE_NAMES.includes(n));
  if (unknown.length > 0) throw new Error(`unknown picture ${unknown.map((n) => `"${n}"`).join(', ')}.\n${USAGE}`);
  return { out: resolve(REPO_ROOT, values.out ?? 'docs/pictures'), only, lang };
}

/** What is running, so that any way out stops it. */
const running: { pool?: WorkerPool; bot?: BotProcess; browser?: Browser } = {};
/** Aborted on Ctrl+C / SIGTERM: a bot that is still starting stops too. */
const stopAll = new AbortController();
let cleaning: Promise<void> | undefined;

/** Ends the browser, the bot and the pool once; every later call waits for the same work. */
function cleanUp(): Promise<void> {
  stopAll.abort();
  return (cleaning ??= Promise.allSettled([running.browser?.close(), running.bot?.stop(), running.pool?.close()]).then(() => undefined));
}

async function save(dir: string, file: string, png: Uint8Array, what: string): Promise<void> {
  if (png.byteLength > MAX_BYTES) throw new Error(`${file} is ${Math.round(png.byteLength / 1024)} KB, over the README limit of ${MAX_BYTES / 1024} KB`);
  const path = join(dir, file);
  await writeFile(path, png);
  const kb = (png.byteLength / 1024).toFixed(1).padStart(6);
  process.stdout.write(`${kb} KB  ${relative(REPO_ROOT, path)}  ${what}\n`);
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const wanted = (file: string) => flags.only.has(file.replace(/\.png$/, ''));
  await mkdir(flags.out, { recursive: true });

  const charts = CHART_PICTURES.filter((p) => wanted(p.file));
  if (charts.length > 0) {
    const pool = createPool({ threads: 2 });
    running.pool = pool;
    const ctx = { pool, lang: flags.lang, training: trainingOnce(pool) };
    const drawn = await Promise.all(charts.map(async (p) => ({ p, png: await drawChart(p, ctx) })));
    for (const { p, png } of drawn) await save(flags.out, p.file, png, p.what);
    await pool.close();
    delete running.pool;
  }

  for (const shot of SCREENSHOTS.filter((s) => wanted(s.file))) {
    const talk = CONVERSATIONS[shot.lang];
    running.bot = await startBot({ lang: shot.lang, signal: stopAll.signal });
    const browser = (running.browser ??= await launchChromium());
    // Ctrl+C while Chromium started: the cleanup did not see it, so close it here.
    if (stopAll.signal.aborted) {
      await browser.close();
      return;
    }
    const png = await photographConversation(browser, running.bot.url, talk);
    await running.bot.stop();
    delete running.bot;
    await save(flags.out, shot.file, png, `the local chat in Chromium: ${talk.steps.map((s) => s.text).join(' · ')}`);
  }
}

/** Set by Ctrl+C / SIGTERM: the run stops what it started and exits 130. */
let signalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    signalled = true;
    process.stderr.write(`pictures: ${signal}, stopping\n`);
    // main() ends on its own once its bot, browser or pool is gone; this is the backstop.
    void cleanUp();
    setTimeout(() => process.exit(130), 30_000).unref();
  });
}

main().then(
  async () => {
    await cleanUp();
    process.exit(signalled ? 130 : 0);
  },
  async (e: unknown) => {
    if (!signalled) process.stderr.write(`pictures: ${e instanceof Error ? e.message : String(e)}\n`);
    await cleanUp();
    process.exit(signalled ? 130 : 1);
  },
);
