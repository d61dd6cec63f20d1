/**
 * /grad through the bot: the graph picture (drawn in a real pool), every variable's gradient
 * checked against finite differences of the parsed expression, ◀ ▶ stepping that edits the
 * same message with the gate rule of each step, and the parser's own message for a bad formula.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as grad } from '../../../src/bot/commands/grad.js';
import { backwardSteps, parseExpression } from '../../../src/core/scalar/index.js';
import { computeGradients } from '../../../src/grad/compute.js';
import { centralDiff, close } from '../../core/scalar/finite-diff.js';
import { pngSize } from '../../render/png.js';
import { createHarness, type As, type Harness, type Sent } from '../harness.js';

let h: Harness;
let en: As;
let ru: As;

beforeAll(async () => {
  h = await createHarness({ commands: [grad] });
  en = { user: h.user('u1', 'Alice', 'en'), chat: h.privateChat('u1') };
  ru = { user: h.user('u2', 'Борис', 'ru'), chat: h.privateChat('u2') };
});

afterAll(async () => {
  await h.close();
});

/** `d/dname = number` lines of a reply. */
function gradientsIn(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  // English d/dx = 4, Russian ∂f/∂x = 4 (with a decimal comma)
  for (const m of text.matchAll(/^(?:d\/d|∂f\/∂)(\w+) = (\S+)$/gm)) out[m[1] as string] = Number((m[2] as string).replace(',', '.'));
  return out;
}

function imageOf(s: Sent): Uint8Array {
  const png = s.message.images?.[0]?.png;
  if (!png) throw new Error(`message ${s.id} has no picture`);
  return png;
}

describe('/grad', () => {
  const expr = '1 + exp(w0 + w1*x)';
  const values = { x: -1, w0: 1, w1: 2 };

  it('sends the graph picture and every gradient, equal to finite differences', async () => {
    const r = await h.command(`/grad ${expr} x=-1 w0=1 w1=2`, en);
    expect(r.sent).toHaveLength(1);
    const msg = r.sent[0] as Sent;
    const size = pngSize(imageOf(msg));
    expect(size.width).toBeGreaterThanOrEqual(200);
    expect(size.height).toBeGreaterThanOrEqual(200);
    expect(msg.text).toContain(`f = ${expr}`);

    const shown = gradientsIn(msg.text);
    expect(Object.keys(shown).sort()).toEqual(['w0', 'w1', 'x']);
    const parsed = parseExpression(expr);
    const names = ['w0', 'w1', 'x'] as const;
    const f = (xs: number[]) => parsed.evaluate({ w0: xs[0]!, w1: xs[1]!, x: xs[2]! });
    const at = [values.w0, values.w1, values.x];
    names.forEach((name, i) => {
      const numeric = centralDiff(f, at, i);
      // shown with 6 significant digits
      expect(close(shown[name]!, numeric, 1e-5)).toBe(true);
      expect(close(shown[name]!, computeGradients(expr, values).grad[name]!, 1e-5)).toBe(true);
    });
    // d/dw0 = exp(w0 + w1*x) = exp(-1)
    expect(shown.w0).toBeCloseTo(Math.exp(-1), 5);
    expect(r.buttons.map((b) => b.label)).toEqual(['◀', '▶']);
  });

  it('steps through backprop with ▶ and ◀, editing the same message and naming each gate rule', async () => {
    const first = await h.command(`/grad ${expr} x=-1 w0=1 w1=2`, en);
    const msg = first.sent[0] as Sent;
    const n = backwardSteps(computeGradients(expr, values).output).length;
    expect(n).toBe(4); // add, exp, add, mul

    const rules: string[] = [];
    for (let k = 0; k <= n; k++) {
      const r = await h.press('▶', en);
      expect(r.sent).toHaveLength(0);
      expect(r.edited.map((s) => s.id)).toEqual([msg.id]);
      expect(msg.text).toContain(`Step ${k} of ${n}`);
      pngSize(imageOf(msg));
      rules.push(msg.text);
    }
    expect(rules[0]).toContain('starts at the output');
    expect(rules[1]).toContain('add gate: distributes the gradient to both inputs');
    expect(rules[2]).toContain('exp: times the local derivative');
    expect(rules[3]).toContain('add gate: distributes the gradient to both inputs');
    expect(rules[4]).toContain('mul gate: swaps the multipliers');
    // mul(w1, x) with upstream exp(-1): w1 gets x·g, x gets w1·g
    const g = Math.exp(-1);
    expect(rules[4]).toContain(`w1: ${Number(g.toPrecision(6))} × (-1) = ${Number((-g).toPrecision(6))}`);
    expect(rules[4]).toContain('All gradients are known.');
    // one more ▶ wraps around to step 0; ◀ goes back to the last step
    await h.press('▶', en);
    expect(msg.text).toContain(`Step 0 of ${n}`);
    await h.press('◀', en);
    expect(msg.text).toContain(`Step ${n} of ${n}`);
    expect(msg.versions.length).toBe(n + 4);
  });

  it('names the copy and max rules in Russian', async () => {
    const first = await h.command('/grad x*x + max(x, y) x=3 y=-2', ru);
    const msg = first.sent[0] as Sent;
    expect(gradientsIn(msg.text)).toEqual({ x: 7, y: 0 });
    const n = backwardSteps(computeGradients('x*x + max(x, y)', { x: 3, y: -2 }).output).length;
    const texts: string[] = [];
    for (let k = 0; k <= n; k++) {
      await h.press('▶', ru);
      texts.push(msg.text);
    }
    const all = texts.join('\n');
    expect(all).toContain('максимум направляет градиент к большему входу');
    expect(all).toContain('умножение меняет множители местами');
    expect(all).toContain('сложение распределяет');
    expect(all).toContain('копирование складывает: значение используется 3 раза, градиенты суммируются');
    expect(all).toContain('1 + 3 + 3 = 7');
  });

  it('writes the step numbers with a decimal comma in Russian and brackets negative factors', async () => {
    const first = await h.command('/grad 1 + exp(w0 + w1*x) x=-1 w0=1 w1=2', ru);
    const msg = first.sent[0] as Sent;
    const texts: string[] = [];
    for (let k = 0; k < 5; k++) {
      await h.press('▶', ru);
      texts.push(msg.text);
    }
    expect(texts[2]).toContain('  → #5: 1 × 0,367879 = 0,367879');
    expect(texts[4]).toContain('  → w1: 0,367879 × (-1) = -0,367879');
    expect(texts[4]).toContain('  → x: 0,367879 × 2 = 0,735759');
    expect(texts.join('\n')).not.toMatch(/\d\.\d/);
  });

  it('accepts decimal commas and spaces around "="', async () => {
    const r = await h.command('/grad w*x w = 0,5 x = −4', en);
    expect(gradientsIn(r.text)).toEqual({ w: -4, x: 0.5 });
  });

  it("gives the parser's specific message for a bad formula, in the chat's language", async () => {
    const r = await h.command('/grad 1 + foo(x) x=1', ru);
    expect(r.sent).toHaveLength(1);
    expect(r.text).toContain('Неизвестная функция «foo» в позиции 5');
    expect(r.text).toContain('exp, log, ln, sqrt');
    expect(r.sent[0]?.message.images).toBeUndefined();
    const syntax = await h.command('/grad (x + 1 x=1', en);
    expect(syntax.text).toMatch(/position \d+/);
  });

  it('refuses a point where the value or a gradient is not finite, in words', async () => {
    const log0 = await h.command('/grad log(x) x=0', ru);
    expect(log0.text).toBe(
      'При этих значениях f — не конечное число (−∞): логарифм нуля, деление на 0 или переполнение. Выберите другие значения переменных.',
    );
    expect(log0.sent[0]?.message.images).toBeUndefined();
    const sqrt0 = await h.command('/grad sqrt(x) x=0', en);
    expect(sqrt0.text).toContain('At these values ∂f/∂x is not a finite number (∞)');
    expect(sqrt0.text).not.toContain('Infinity');
  });

  it('says which value is missing', async () => {
    const r = await h.command('/grad x*y x=2', en);
    expect(r.text).toContain('No value for variable "y"');
  });
});
