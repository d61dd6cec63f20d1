/**
 * /plot through the bot: the chart is drawn in a real pool (a PNG of the default size), the
 * caption carries the registry's formula, derivative and teaching note in the chat's language,
 * and a bad item gets the parser's or the registry's specific message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as plot } from '../../../src/bot/commands/plot.js';
import { getActivation } from '../../../src/core/activations/index.js';
import { pngSize } from '../../render/png.js';
import { createHarness, type As, type Harness } from '../harness.js';

let h: Harness;
let en: As;
let ru: As;

beforeAll(async () => {
  h = await createHarness({ commands: [plot] });
  en = { user: h.user('u1', 'Alice', 'en'), chat: h.group('g1') };
  ru = { user: h.user('u2', 'Борис', 'ru'), chat: h.privateChat('u2') };
});

afterAll(async () => {
  await h.close();
});

describe('/plot', () => {
  it("returns a PNG with ReLU's formula, derivative and note in the caption", async () => {
    const r = await h.command('/plot relu', en);
    expect(r.sent).toHaveLength(1);
    const images = r.sent[0]?.message.images ?? [];
    expect(images).toHaveLength(1);
    expect(pngSize(images[0]!.png)).toEqual({ width: 800, height: 450 });
    const relu = getActivation('relu');
    expect(r.text).toContain('f(x) = max(0, x)');
    expect(r.text).toContain(relu.derivative.text);
    expect(r.text).toContain('dying ReLU');
    expect(h.calls.typing).toBeGreaterThan(0);
  });

  it('compares several functions on a range, captioned in Russian', async () => {
    const r = await h.command('/plot relu,gelu -3 3', ru);
    expect(pngSize(r.sent[0]!.message.images![0]!.png)).toEqual({ width: 800, height: 450 });
    expect(r.text).toContain('умирающий ReLU');
    expect(r.text).toContain(getActivation('gelu').name.ru);
    expect(r.text).toContain('Сплошная линия — f(x), пунктир — f′(x).');
  });

  it('draws an expression in x and quotes it as typed', async () => {
    const r = await h.command('/plot x^3-2*x -2 2', en);
    expect(r.sent[0]?.message.images).toHaveLength(1);
    expect(r.text).toContain('f(x) = x^3-2*x');
    expect(r.text).toContain('computed by backpropagation');
  });

  it('gives the parser\'s specific error in Russian for a bad expression', async () => {
    const r = await h.command('/plot x^^2', ru);
    expect(r.sent).toHaveLength(1);
    expect(r.sent[0]?.message.images).toBeUndefined();
    expect(r.text).toMatch(/^Синтаксическая ошибка в позиции \d+/);
  });

  it('suggests the activation a typo meant, and rejects a reversed range', async () => {
    const typo = await h.command('/plot rleu', en);
    expect(typo.text).toContain('Unknown activation "rleu". Did you mean: relu');
    const range = await h.command('/plot tanh 3 -3', ru);
    expect(range.text).toContain('Левый конец отрезка должен быть меньше правого');
  });

  it('lists the activations on /plot list, and autocompletes their ids', async () => {
    const r = await h.command('/plot list', en);
    expect(r.sent[0]?.message.images).toBeUndefined();
    expect(r.text).toContain('leaky_relu');
    expect(r.text).toContain('hardsigmoid');
    const suggestions = h.bot.autocomplete('plot', 'functions', 'lea', 'en').map((s) => s.value);
    expect(suggestions).toContain('leaky_relu');
  });

  it('reads an expression with spaces, a list with spaces and a range at the end', async () => {
    const expr = await h.command('/plot x^2 - 1', ru);
    expect(expr.sent[0]?.message.images).toHaveLength(1);
    expect(expr.text).toContain('Выражение от x: f(x) = x^2 - 1');
    const spaced = await h.command('/plot relu, gelu -2 2', ru);
    expect(spaced.sent[0]?.message.images).toHaveLength(1);
    expect(spaced.text).toContain(getActivation('gelu').name.ru);
    const words = await h.command('/plot relu gelu', ru);
    expect(words.sent[0]?.message.images).toHaveLength(1);
    expect(words.text).toContain(getActivation('relu').name.ru);
    expect(words.text).toContain(getActivation('gelu').name.ru);
  });

  it('refuses a reversed range in chat words, not CLI flags', async () => {
    const r = await h.command('/plot relu 3 -3', ru);
    expect(r.sent[0]?.message.images).toBeUndefined();
    expect(r.text).toBe('Левый конец отрезка должен быть меньше правого, а задано от 3 до -3. Например: /plot relu -3 3');
  });
});
