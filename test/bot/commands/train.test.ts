/**
 * /train through the bot with a real worker pool: the attached CSV is trained by the same job
 * as the CLI, one progress message is edited at the door's rate, the pictures and the summary
 * follow, the model is saved and /predict uses it. The declared size is checked before any
 * download; without a file the bot says how to attach one; one training per user.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command as cancel } from '../../../src/bot/commands/cancel.js';
import { command as predict } from '../../../src/bot/commands/predict.js';
import { command as train } from '../../../src/bot/commands/train.js';
import type { Attachment } from '../../../src/bot/types.js';
import { userKey } from '../../../src/store/types.js';
import { pngSize } from '../../render/png.js';
import { createHarness, type As, type Harness, type Sent } from '../harness.js';
import { IRIS, slowCsv, waitFor, withClockRunning, withImages } from './train-helpers.js';

let h: Harness;
let alice: As;
let boris: As;

beforeAll(async () => {
  h = await createHarness({ commands: [train, predict, cancel] });
  alice = { user: h.user('u1', 'Alice', 'en'), chat: h.group('g1') };
  boris = { user: h.user('u2', 'Борис', 'ru'), chat: h.group('g1') };
});

afterAll(async () => {
  await h.close();
});

describe('/train', () => {
  it('trains on the attached CSV with progress edits, then pictures, the summary and how to /predict', async () => {
    const file = h.attachment('iris.csv', IRIS);
    const r = await withClockRunning(h, h.command('/train species 16 relu adam 60 0.02 3', alice, { attachments: [file] }));

    const progress = r.sent[0] as Sent;
    expect(progress.versions.length).toBeGreaterThan(2);
    const first = progress.versions[0]!;
    expect(first.text.join('')).toBe('Training on iris.csv…');
    expect((first.buttons ?? []).flat().map((b) => b.label)).toEqual(['✖ Cancel']);
    const mid = progress.versions.slice(1, -1).map((v) => v.text.map((s) => (typeof s === 'string' ? s : '')).join(''));
    expect(mid.some((t) => /epoch \d+\/60 {2}train loss [\d.]+ {2}val loss [\d.]+ {2}accuracy [\d.]+/.test(t))).toBe(true);
    // the epoch count and its word are kept together by a no-break space
    expect(progress.text).toMatch(/^Done: \d+\u00a0epochs? in [\d.]+ s\. The model is saved for \/predict\.$/);
    expect(progress.message.buttons).toBeUndefined();

    const pictured = withImages(r);
    const names = pictured.flatMap((s) => s.message.images!.map((i) => i.name));
    expect(names).toEqual(['loss.png', 'confusion.png']);
    for (const s of pictured) for (const img of s.message.images!) expect(pngSize(img.png).width).toBeGreaterThanOrEqual(200);
    expect(r.text).toContain('Classification of "species" (3 classes)');
    expect(r.text).toMatch(/baseline\s+0\.3/);
    expect(r.text).toContain('Baseline: always "');
    expect(r.text).toContain('Ask the model about a new example: the values of sepal_length, sepal_width, petal_length, petal_width in this order');
    const hint = /\/predict ([\d.,-]+)/.exec(r.text);
    expect(hint?.[1]?.split(',')).toHaveLength(4);

    const saved = h.store.models.get(userKey('local', 'u1'));
    expect(saved?.target).toBe('species');
    expect(saved?.task).toBe('classification');

    const p = await h.command('/predict 5.1,3.5,1.4,0.2', alice);
    expect(p.text).toMatch(/^Prediction: setosa\nProbabilities:\n {2}setosa: 0\.9/);
    const probs = [...p.text.matchAll(/: ([\d.e-]+)$/gm)].map((m) => Number(m[1]));
    expect(probs).toHaveLength(3);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    // the example line the bot suggested is a valid row for the model
    const again = await h.command(`/predict ${hint![1]}`, alice);
    expect(again.text).toMatch(/^Prediction: (setosa|versicolor|virginica)/);
  });

  it('writes the Russian summary with the right plural forms', async () => {
    const r = await withClockRunning(h, h.command('/train species 8 relu adam 30 0.02 3', { user: h.user('u7', 'Вера', 'ru'), chat: h.group('g1') }, { attachments: [h.attachment('iris.csv', IRIS)] }));
    expect(r.text).toContain('Классификация «species» (3 класса)');
    expect(withImages(r).flatMap((s) => s.message.images!.map((i) => i.alt))).toEqual(['Кривые ошибки', 'Матрица ошибок']);
    expect(r.text).toContain('150 строк, 4 столбца-признака -> 4 входа;');
    expect(r.text).toMatch(/(Пройдены все эпохи \(30\)|Остановлено после \d+ (эпохи|эпох): 20 эпох без улучшения)/);
    const progress = r.sent[0] as Sent;
    const mid = progress.versions.slice(1, -1).map((v) => v.text.map((x) => (typeof x === 'string' ? x : '')).join(''));
    expect(mid.some((t) => /осталось ≤\d+ с$/.test(t))).toBe(true);
    expect(h.store.models.get(userKey('local', 'u7'))?.task).toBe('classification');
  });

  it('refuses a file over the limit by its declared size, without downloading it', async () => {
    const download = vi.fn(async () => IRIS);
    const huge: Attachment = { name: 'big.csv', declaredSize: 50 * 1024 * 1024, download };
    const r = await h.command('/train', alice, { attachments: [huge] });
    expect(download).not.toHaveBeenCalled();
    expect(r.text).toBe('The file is 50\u00a0MB, more than the limit of 10\u00a0MB. Send a smaller sample of the rows.');
    const ru = await h.command('/train', boris, { attachments: [huge] });
    expect(ru.text).toBe('Файл весит 50\u00a0МБ, а предел — 10\u00a0МБ. Пришлите часть строк поменьше.');
    expect(download).not.toHaveBeenCalled();
    expect(h.store.models.get(userKey('local', 'u2'))).toBeUndefined();
  });

  it("also keeps to the door's own download cap", async () => {
    const small = await createHarness({ commands: [train], caps: { maxDownloadBytes: 1000 } });
    try {
      const download = vi.fn(async () => IRIS);
      const r = await small.command('/train', { user: small.user('u1'), chat: small.group() }, { attachments: [{ name: 'iris.csv', declaredSize: IRIS.byteLength, download }] });
      expect(download).not.toHaveBeenCalled();
      expect(r.text).toContain('more than the limit of 1000\u00a0B');
    } finally {
      await small.close();
    }
  });

  it('explains how to attach a CSV on this door when none is attached', async () => {
    const r = await h.command('/train', alice);
    expect(r.sent).toHaveLength(1);
    expect(r.text).toContain('Attach the CSV file with the 📎 button and send /train in the same message.');
    expect(r.text).toContain('/train iris');
    expect(r.text).toContain('Files up to 10\u00a0MB');
    const ru = await h.command('/train', boris);
    expect(ru.text).toContain('Прикрепите CSV-файл кнопкой 📎');
    expect(ru.text).toContain('Файлы до 10\u00a0МБ.');
    expect(ru.text).toContain('/train moons');
  });

  it('gives a bad option its own message before anything runs', async () => {
    const r = await h.command('/train species 32,,16', alice, { attachments: [h.attachment('iris.csv', IRIS)] });
    expect(r.text).toContain('Hidden layer sizes must be whole numbers');
    expect(h.pool.stats().running).toBe(0);
  });

  it("shows the data's own diagnosis when the CSV cannot be used", async () => {
    const r = await withClockRunning(h, h.command('/train', alice, { attachments: [h.attachment('one.csv', 'a,b\n1,2\n')] }));
    expect(r.sent).toHaveLength(1);
    expect(r.text.startsWith('Training stopped. ')).toBe(true);
    expect(r.text.length).toBeGreaterThan('Training stopped. '.length + 20);
    // the diagnosis is its own sentence: never "остановлено: Это…"
    const ru = await withClockRunning(h, h.command('/train', boris, { attachments: [h.attachment('one.csv', 'a,b\n1,2\n')] }));
    expect(ru.text).toMatch(/^Обучение остановлено\. [А-ЯЁ]/);
  });

  it('allows one training per user, and trains on a shipped sample with /train iris', async () => {
    // a slow run, so the second request finds it running
    const running = withClockRunning(h, h.command('/train label 256,256 relu adam 5000 0.001 1', boris, { attachments: [h.attachment('slow.csv', slowCsv())] }));
    await waitFor(() => h.pool.stats().running === 1, 30_000, 'the training to start');
    const second = await h.command('/train iris', boris);
    expect(second.text).toBe('Ваше обучение ещё идёт. Дождитесь конца или остановите его командой /cancel, а потом запускайте новое.');
    // someone else may train meanwhile (queued behind in the one-thread pool): not refused
    const other = h.command('/train iris 4 relu adam 5 0.01 1', alice);
    const stop = await h.command('/cancel', boris);
    expect(stop.text).toBe('Останавливаю обучение…');
    const r = await running;
    expect(r.sent[0]?.versions[0]?.text.join('')).toBe('Обучаю на slow.csv…');
    expect(r.sent[0]?.text).toBe('Обучение отменено.');
    expect(h.store.models.get(userKey('local', 'u2'))).toBeUndefined();
    const o = await withClockRunning(h, other);
    expect(o.text).toContain('Classification of "species" (3 classes)');
  });
});
