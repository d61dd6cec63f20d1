/**
 * /spells through the bot with a real pool: a progress message while the model trains (once:
 * the second request is answered from the cache), labelled names in the chat's language, a
 * class's own list as an attachment (size checked before download), and the store-backed
 * model cache the composition root gives the spell service.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { command as spells } from '../../../src/bot/commands/spells.js';
import { StoreSpellModelCache } from '../../../src/bot/features/store-spell-cache.js';
import type { Attachment } from '../../../src/bot/types.js';
import { handle as charlmJob } from '../../../src/spells/charlm-job.js';
import { inlineRunner, SpellService } from '../../../src/spells/service.js';
import { openStore } from '../../../src/store/index.js';
import { createHarness, type As, type Harness, type Sent } from '../harness.js';
import { withClockRunning } from './train-helpers.js';

let h: Harness;
let alice: As;
let boris: As;

beforeAll(async () => {
  h = await createHarness({ commands: [spells] });
  alice = { user: h.user('u1', 'Alice', 'en'), chat: h.group('g1') };
  boris = { user: h.user('u2', 'Борис', 'ru'), chat: h.privateChat('u2') };
});

afterAll(async () => {
  await h.close();
});

/** `  name  label` lines of a /spells answer. */
function namesIn(s: Sent, labels: readonly string[]): Array<{ name: string; label: string }> {
  const alt = labels.map((l) => l.replace(/ /g, '\\s')).join('|');
  const re = new RegExp(`^ {2}(.+?)\\s{2,}(${alt})$`, 'gm');
  return [...s.text.matchAll(re)].map((m) => ({ name: (m[1] as string).trim(), label: m[2] as string }));
}

/** A made-up list of 60 different names (syllable pairs). */
function ownList(): string {
  const a = ['Zor', 'Mel', 'Kra', 'Vin', 'Tal', 'Quo', 'Bra', 'Fen', 'Lum', 'Dra'];
  const b = ['ath', 'ix', 'ora', 'umb', 'iel', 'ex'];
  return a.flatMap((x) => b.map((y) => `${x}${y}`)).join('\n');
}

describe('/spells', () => {
  it('trains once behind a progress message, then answers with labelled names', async () => {
    const r = await withClockRunning(h, h.command('/spells dnd 5 0.8', alice));
    const [progress, answer] = r.sent as [Sent, Sent];
    expect(progress.versions[0]!.text.join('')).toContain('Training a generator on Dungeons & Dragons spells (SRD 5.1): 319 names.');
    expect(progress.versions[0]!.buttons?.flat().map((b) => b.label)).toEqual(['✖ Cancel']);
    expect(progress.text).toBe('The generator is trained.');
    expect(answer.text.startsWith('Dungeons & Dragons spells (SRD 5.1)\n\n')).toBe(true);
    const names = namesIn(answer, ['copied', 'near', 'new']);
    expect(names).toHaveLength(5);
    for (const n of names) expect(n.name.length).toBeGreaterThan(0);
    expect(answer.text).toMatch(/Loss per character \(nats\): train [\d.]+, dev [\d.]+; bigram baseline [\d.]+, uniform guess [\d.]+\./);
    expect(answer.text).toContain('1500 training steps');

    const again = await h.command('/spells dnd 5 0.8', alice);
    expect(again.sent).toHaveLength(1);
    expect(namesIn(again.sent[0]!, ['copied', 'near', 'new'])).toHaveLength(5);
    expect(h.services.spells.trainings).toBe(1);
  });

  it("labels the names in the chat's language", async () => {
    const r = await withClockRunning(h, h.command('/spells dnd 3 1.2', boris));
    const answer = r.sent[r.sent.length - 1]!;
    expect(answer.text.startsWith('Заклинания Dungeons & Dragons (SRD 5.1)')).toBe(true);
    expect(namesIn(answer, ['копия', 'почти копия', 'новое'])).toHaveLength(3);
    expect(answer.text).toContain('Ошибка на символ (наты)');
  });

  it('quotes a title with quotes inside it the Russian way, and writes the loss with a comma', async () => {
    const r = await withClockRunning(h, h.command('/spells hp 3', boris));
    const progress = r.sent[0] as Sent;
    const head = progress.versions[0]!.text.join('');
    expect(head).toContain('Обучаю генератор на списке «Заклинания из „Гарри Поттера“»: названий — 193.');
    const steps = progress.versions.slice(1, -1).map((v) => v.text.join(''));
    expect(steps.length).toBeGreaterThan(0);
    for (const t of steps) expect(t).toMatch(/шаг \d+ из 1500, ошибка \d+(,\d+)?$/);
  });

  it('trains a generator on an attached list of names', async () => {
    const file = h.attachment('ours.txt', ownList());
    const r = await withClockRunning(h, h.command('/spells', alice, { attachments: [file] }));
    const [progress, answer] = r.sent as [Sent, Sent];
    expect(progress.versions[0]!.text.join('')).toContain('Training a generator on Your list (ours.txt): 60 names.');
    expect(answer.text.startsWith('Your list (ours.txt)\n\n')).toBe(true);
    expect(namesIn(answer, ['copied', 'near', 'new'])).toHaveLength(10);
  });

  it('refuses a list over the limit by its declared size, without downloading it', async () => {
    const download = vi.fn(async () => new Uint8Array(0));
    const big: Attachment = { name: 'huge.txt', declaredSize: 5 * 1024 * 1024, download };
    const r = await h.command('/spells', alice, { attachments: [big] });
    expect(download).not.toHaveBeenCalled();
    expect(r.text).toBe(`The file is ${5 * 1024 * 1024} bytes; a name list may be at most ${3 * 1024 * 1024} bytes (20,000 names of up to 64 characters).`);
  });

  it("gives a bad list or option its own message", async () => {
    const few = await h.command('/spells', alice, { attachments: [h.attachment('few.txt', 'Alpha\nBeta\nGamma')] });
    expect(few.text).toContain('The list has 3 different names; at least 20 are needed');
    const count = await h.command('/spells dnd 500', alice);
    expect(count.text).toContain('«count»');
    const unknown = await h.command('/spells elvish', boris);
    expect(unknown.text).toContain('«dataset»');
  });
});

describe('StoreSpellModelCache', () => {
  it('keeps trained models in the store, so a new service does not retrain', async () => {
    const store = openStore(':memory:');
    try {
      const first = new SpellService({ cache: new StoreSpellModelCache(store.spellModels), runner: inlineRunner });
      const ds = first.dataset('hp');
      const a = await first.spells(ds, { count: 4, seed: 2 }, { steps: 30 });
      expect(first.trainings).toBe(1);
      const second = new SpellService({ cache: new StoreSpellModelCache(store.spellModels), runner: inlineRunner });
      const b = await second.spells(second.dataset('hp'), { count: 4, seed: 2 }, { steps: 30 });
      expect(second.trainings).toBe(0);
      expect(b.names).toEqual(a.names);
      expect(b.nll).toEqual(a.nll);
    } finally {
      store.close();
    }
  });

  it('round-trips the parameters exactly and reads a damaged row as a miss', () => {
    const store = openStore(':memory:');
    try {
      const { model } = charlmJob({ names: ['alpha', 'beta', 'gamma', 'delta'], settings: { steps: 5, hidden: 4 } }, () => {});
      new StoreSpellModelCache(store.spellModels).set('k1', model);
      const back = new StoreSpellModelCache(store.spellModels).get('k1');
      expect(back?.params).toEqual(model.params);
      expect(back?.chars).toEqual(model.chars);
      store.spellModels.put('k2', { format: 'something else' });
      expect(new StoreSpellModelCache(store.spellModels).get('k2')).toBeUndefined();
      expect(new StoreSpellModelCache(store.spellModels).get('missing')).toBeUndefined();
    } finally {
      store.close();
    }
  });
});
