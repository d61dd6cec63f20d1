/**
 * Faults in the worker pool, seen through `/train` at the bot level: a worker killed in the
 * middle of a training, a training over the time limit and a worker out of memory each fail
 * only that student's job, with a message in the student's language; another student's
 * training at the same time finishes, and the same student's next training runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTemplate } from '../../src/core/errors.js';
import { createPool } from '../../src/jobs/pool.js';
import { jobMessages } from '../../src/jobs/pool.js';
import { classCsv } from '../../src/loadtest/class-data.js';
import { createHarness, type Harness, type Reply } from '../bot/harness.js';

const FIXTURE = new URL('./fixtures/faulty-train.ts', import.meta.url).href;
const MEMORY_MB = 128;
const TIMEOUT_MS = 8000;

let h: Harness;

beforeAll(async () => {
  // Two workers as in production; small limits so the faults come fast.
  const pool = createPool({ threads: 2, memoryMb: MEMORY_MB, timeoutMs: TIMEOUT_MS, extraHandlers: { train: FIXTURE } });
  h = await createHarness({ pool, config: { lang: 'ru' } });
  // Warm both workers, so a cold start never counts against the time limit.
  const a = h.user('warm1', 'Warm 1', 'en');
  const b = h.user('warm2', 'Warm 2', 'en');
  await Promise.all([train(a, classCsv(1)), train(b, classCsv(2))]);
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const text = (s: string) => new TextEncoder().encode(s);

/** A CSV whose first header cell asks the fixture for a fault. */
function faulty(kind: 'exit' | 'hang' | 'oom'): Uint8Array {
  const good = new TextDecoder().decode(classCsv(7));
  return text(good.replace(/^x1/, `fault_${kind}`));
}

/** What a /train sent into its own chat (calls running at once see each other's messages too). */
type Outcome = { texts: string; trained: boolean };

async function train(user: ReturnType<Harness['user']>, csv: Uint8Array): Promise<Outcome> {
  const chat = h.privateChat(user);
  const r: Reply = await h.command('/train target:label hidden:8 epochs:200', { user, chat }, { attachments: [h.attachment('class.csv', csv)] });
  // The progress message's text is its final content (edits included).
  const mine = r.sent.filter((s) => s.chat.id === chat.id);
  return { texts: mine.map((s) => s.text).join('\n'), trained: mine.some((s) => (s.message.images?.length ?? 0) > 0) };
}

const outcome = (o: Outcome) => o.texts;
const trained = (o: Outcome) => o.trained;

describe('a failing training fails alone', () => {
  it('a worker killed mid-training: that student is told (in Russian), the other student’s training finishes, the next job runs', async () => {
    const anna = h.user('anna', 'Анна', 'ru');
    const ben = h.user('ben', 'Ben', 'en');
    const [a, b] = await Promise.all([train(anna, faulty('exit')), train(ben, classCsv(3))]);
    const said = outcome(a);
    expect(said).toContain(formatTemplate(jobMessages.texts.crashed.ru, { detail: '' }).split('(')[0]?.trim() as string);
    expect(said).not.toMatch(/\bat\s+\S+\s+\(|\/work\/|node_modules|Error:/);
    expect(trained(a)).toBe(false);
    expect(trained(b)).toBe(true);
    // The same student's next training runs on a fresh worker.
    expect(trained(await train(anna, classCsv(4)))).toBe(true);
  }, 90_000);

  it('a training over the time limit: stopped with the limit named (in English for an English student), and the next job runs', async () => {
    const cy = h.user('cy', 'Cy', 'en');
    const dana = h.user('dana', 'Дана', 'ru');
    const [c, d] = await Promise.all([train(cy, faulty('hang')), train(dana, classCsv(5))]);
    expect(outcome(c)).toContain(formatTemplate(jobMessages.texts.timeout.en, { seconds: TIMEOUT_MS / 1000 }));
    expect(trained(c)).toBe(false);
    expect(trained(d)).toBe(true);
    expect(trained(await train(cy, classCsv(6)))).toBe(true);
  }, 90_000);

  it('a worker out of memory: stopped with the memory limit named (in Russian), and the next job runs', async () => {
    const eva = h.user('eva', 'Ева', 'ru');
    const finn = h.user('finn', 'Finn', 'en');
    const [e, f] = await Promise.all([train(eva, faulty('oom')), train(finn, classCsv(8))]);
    expect(outcome(e)).toContain(formatTemplate(jobMessages.texts.out_of_memory.ru, { mb: MEMORY_MB }));
    expect(trained(e)).toBe(false);
    expect(trained(f)).toBe(true);
    expect(trained(await train(eva, classCsv(9)))).toBe(true);
    // Nothing of this reached the log as an unexpected failure.
    expect(h.log.entries.filter((x) => x.level === 'error')).toEqual([]);
  }, 90_000);
});
