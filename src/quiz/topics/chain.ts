/**
 * `chain`: symbolic derivatives of composites (σ(wx + b), tanh²(x), e^(x²), log(1 + e^x)...).
 * The student types f'(x) in plain math syntax; it is accepted when it equals the key at many
 * random points. Keys are checked against central finite differences of f before use.
 *
 * Derivatives are built as products (a number times factors over a denominator), so the worked
 * solution can end in the simplified form a teacher writes: 4·cos(u)·(−4) becomes 16·sin(u)
 * for g = cos, and the key is that simplified form.
 */
import type { Rng } from '../../core/rng.js';
import type { Difficulty, Mistake, QuestionDraft, TopicGenerator } from '../types.js';
import { signature } from '../build.js';
import { t, tn } from '../format.js';
import { compileExpression, samplePoints } from '../expression-check.js';

/** A product k·n₁·n₂·…/(d₁·d₂·…) of plain-syntax factors. */
export interface Product {
  coef: number;
  num: string[];
  den: string[];
}

function product(coef: number, num: string[] = [], den: string[] = []): Product {
  return { coef, num, den };
}

/** The product of several products: coefficients multiply, factors are collected. */
export function times(...ps: Product[]): Product {
  const all = ps.reduce((a, b) => product(a.coef * b.coef, [...a.num, ...b.num], [...a.den, ...b.den]), product(1));
  // a bare variable goes next to the number, as a teacher writes it: 120x·(5x² + 7)²
  return product(all.coef, [...all.num.filter((f) => f === 'x'), ...all.num.filter((f) => f !== 'x')], all.den);
}

/** The index of the bracket that closes the one at `open`, or -1. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** True for a name, a number, a call f(...) or a bracketed group: a factor that needs no brackets. */
export function atomic(s: string): boolean {
  if (/^[\w.]+$/.test(s)) return true;
  const open = s.indexOf('(');
  return open >= 0 && /^\w*$/.test(s.slice(0, open)) && closing(s, open) === s.length - 1;
}

/** s without the brackets around all of it: "(1 - tanh(u)^2)" → "1 - tanh(u)^2". */
function unwrap(s: string): string {
  return s.startsWith('(') && closing(s, 0) === s.length - 1 ? s.slice(1, -1) : s;
}

/** Plain syntax of a product, simplified: 16*sin(7 - 4*x), -2*x*exp(x^2), 2*(x + 1)/(1 + (x + 1)^2). */
export function productSource(p: Product): string {
  if (p.coef === 0) return '0';
  const factors = p.num.join('*');
  const sign = p.coef < 0 ? '-' : '';
  const k = Math.abs(p.coef);
  const alone = p.num.length === 1 && k === 1 && p.den.length === 0 && sign === '' ? unwrap(factors) : factors;
  let out = factors === '' ? `${sign}${k}` : k === 1 ? `${sign}${alone}` : `${sign}${k}*${factors}`;
  if (p.den.length > 0) out += `/${p.den.length === 1 ? p.den[0]! : `(${p.den.join('*')})`}`;
  return out;
}

/**
 * Plain syntax as a teacher writes it: 4x rather than 4*x, · for the other products, − for
 * minus, σ for the sigmoid and x² for x^2. For display only: students type the plain form.
 */
export function display(source: string): string {
  return source
    .replace(/\bsigmoid\b/g, 'σ')
    .replace(/(^|[^^\d])(\d+)\*x/g, '$1$2x')
    .replace(/\*/g, '·')
    .replace(/\^2\b/g, '²')
    .replace(/\^3\b/g, '³')
    .replace(/\^4\b/g, '⁴')
    .replace(/(^|[\s(])-/g, '$1−')
    .replace(/ - /g, ' − ');
}

/** An inner function u(x) and its derivative. */
interface Inner {
  u: string;
  du: Product;
}

/** An outer function g and its derivative at a given argument text. */
interface Outer {
  name: string;
  g(u: string): string;
  dg(u: string): Product;
  /** A tempting wrong derivative (e.g. +sin for cos), if the function has one. */
  signError?(u: string): Product;
}

const p = (s: string) => (atomic(s) ? s : `(${s})`);

function linear(a: number, b: number, power = 1): string {
  const ax = `${a === 1 ? '' : a === -1 ? '-' : `${a}*`}x${power === 1 ? '' : `^${power}`}`;
  return b === 0 ? ax : `${ax} ${b < 0 ? '-' : '+'} ${Math.abs(b)}`;
}

const OUTERS: Record<string, Outer> = {
  exp: { name: 'exp', g: (u) => `exp(${u})`, dg: (u) => product(1, [`exp(${u})`]) },
  sin: { name: 'sin', g: (u) => `sin(${u})`, dg: (u) => product(1, [`cos(${u})`]) },
  cos: { name: 'cos', g: (u) => `cos(${u})`, dg: (u) => product(-1, [`sin(${u})`]), signError: (u) => product(1, [`sin(${u})`]) },
  pow2: { name: 'pow2', g: (u) => `${p(u)}^2`, dg: (u) => product(2, [p(u)]) },
  pow3: { name: 'pow3', g: (u) => `${p(u)}^3`, dg: (u) => product(3, [`${p(u)}^2`]) },
  pow4: { name: 'pow4', g: (u) => `${p(u)}^4`, dg: (u) => product(4, [`${p(u)}^3`]) },
  sigmoid: { name: 'sigmoid', g: (u) => `sigmoid(${u})`, dg: (u) => product(1, [`sigmoid(${u})`, `(1 - sigmoid(${u}))`]) },
  tanh: { name: 'tanh', g: (u) => `tanh(${u})`, dg: (u) => product(1, [`(1 - tanh(${u})^2)`]), signError: (u) => product(1, [`(1 + tanh(${u})^2)`]) },
  tanh2: { name: 'tanh2', g: (u) => `tanh(${u})^2`, dg: (u) => product(2, [`tanh(${u})`, `(1 - tanh(${u})^2)`]) },
  // (ln(1 + e^u))′ = e^u/(1 + e^u) = σ(u)
  softplus: { name: 'softplus', g: (u) => `log(1 + exp(${u}))`, dg: (u) => product(1, [`sigmoid(${u})`]) },
  log1p2: { name: 'log1p2', g: (u) => `log(1 + ${p(u)}^2)`, dg: (u) => product(2, [p(u)], [`(1 + ${p(u)}^2)`]) },
  expSq: { name: 'expSq', g: (u) => `exp(${p(u)}^2)`, dg: (u) => product(2, [p(u), `exp(${p(u)}^2)`]) },
};

const LEVEL_OUTERS: Record<Difficulty, string[]> = {
  1: ['exp', 'sin', 'cos', 'pow2', 'pow3', 'sigmoid'],
  2: ['sigmoid', 'tanh', 'tanh2', 'softplus', 'exp', 'pow3', 'log1p2', 'cos'],
  3: ['exp', 'pow2', 'log1p2', 'tanh2', 'expSq', 'softplus'],
};

/** Outer functions for the middle layer of a level-3 triple composition. */
const MIDDLE = ['sin', 'tanh', 'sigmoid', 'cos'];

function nonZero(rng: Rng, k: number): number {
  const v = rng.int(1, k);
  return rng.bernoulli(0.5) ? v : -v;
}

function inner(rng: Rng, difficulty: Difficulty): Inner {
  const a = nonZero(rng, difficulty === 1 ? 9 : 5);
  let b = rng.int(-9, 9);
  // u = ±x makes the chain rule trivial and two typical mistakes the same function (cos(−x))
  if (b === 0 && Math.abs(a) === 1) b = rng.int(1, 9);
  if (difficulty === 2 && rng.bernoulli(0.4)) return { u: linear(a, b, 2), du: product(2 * a, ['x']) };
  return { u: linear(a, b), du: product(a) };
}

const FORGOT_INNER = t(
  'You forgot the inner derivative: (g(u(x)))′ = g′(u(x))·u′(x).',
  'Вы забыли производную внутренней функции: (g(u(x)))′ = g′(u(x))·u′(x).',
);
const WRONG_POINT = t(
  'The outer derivative must be evaluated at the inner function u(x), not at x.',
  'Производную внешней функции нужно брать в точке u(x), а не в точке x.',
);
const SIGN = t('Check the sign of the outer derivative: (cos u)′ = −sin u, (tanh u)′ = 1 − tanh² u.', 'Проверьте знак производной внешней функции: (cos u)′ = −sin u, (tanh u)′ = 1 − tanh² u.');

/** Plain syntax of the unsimplified product of the chain's links: 4*(-sin(u))*(-4). */
function chainProduct(links: Product[]): string {
  return links
    .map((l) => {
      const s = productSource(l);
      return atomic(s) ? s : `(${s})`;
    })
    .join('*');
}

export const chainTopic: TopicGenerator<'chain'> = {
  id: 'chain',
  title: t('The chain rule', 'Правило цепочки'),
  generate(rng, difficulty) {
    const c = difficulty === 1 ? rng.int(1, 9) : rng.int(1, 4);
    const scale = (s: string) => (c === 1 ? s : `${c}*${s}`);
    const k = product(c);
    const outer = OUTERS[rng.choice(LEVEL_OUTERS[difficulty])]!;
    const inn = inner(rng, difficulty);
    let f: string;
    let links: Product[];
    const wrongs: Array<Mistake & { value: string; coincides: boolean }> = [];
    const unitInner = inn.du.coef === 1 && inn.du.num.length === 0;
    const minusOneInner = inn.du.coef === -1 && inn.du.num.length === 0;
    let middle: Outer | undefined;
    if (difficulty < 3) {
      f = scale(outer.g(inn.u));
      links = [k, outer.dg(inn.u), inn.du];
      wrongs.push({ tag: 'forgot_inner_derivative', value: productSource(times(k, outer.dg(inn.u))), feedback: FORGOT_INNER, coincides: unitInner });
      wrongs.push({ tag: 'outer_at_wrong_point', value: productSource(times(k, outer.dg('x'), inn.du)), feedback: WRONG_POINT, coincides: inn.u === 'x' });
      // with u′ = −1, cos's sign error (+sin u·u′) is the same function as forgetting u′: name that one
      if (outer.signError) wrongs.push({ tag: 'sign_error', value: productSource(times(k, outer.signError(inn.u), inn.du)), feedback: SIGN, coincides: minusOneInner && outer.name === 'cos' });
    } else {
      // g(h(u(x))): three links in the chain
      const mid = OUTERS[rng.choice(MIDDLE)]!;
      middle = mid;
      const hu = mid.g(inn.u);
      f = scale(outer.g(hu));
      links = [k, outer.dg(hu), mid.dg(inn.u), inn.du];
      wrongs.push({ tag: 'forgot_inner_derivative', value: productSource(times(k, outer.dg(hu), mid.dg(inn.u))), feedback: FORGOT_INNER, coincides: unitInner });
      wrongs.push({ tag: 'forgot_inner_derivative', value: productSource(times(k, outer.dg(hu), inn.du)), feedback: FORGOT_INNER, coincides: false });
      wrongs.push({ tag: 'outer_at_wrong_point', value: productSource(times(k, outer.dg(inn.u), mid.dg(inn.u), inn.du)), feedback: WRONG_POINT, coincides: false });
      if (mid.signError) wrongs.push({ tag: 'sign_error', value: productSource(times(k, outer.dg(hu), mid.signError(inn.u), inn.du)), feedback: SIGN, coincides: minusOneInner && mid.name === 'cos' });
    }
    const key = productSource(times(...links));
    const unsimplified = chainProduct(c === 1 ? links.slice(1) : links);
    const domain = { from: -2, to: 2 };
    // Drop the mistakes that coincide with the key: with u = x ("wrong point" is right) or
    // u′ = 1 ("forgot u′" is right). Decided from the structure, so no parsing is needed here.
    const mistakes = wrongs.filter((w) => !w.coincides).map(({ coincides: _, ...m }) => m);
    const du = productSource(inn.du);
    const outerAtU = productSource(outer.dg('u'));
    const steps = [
      t(`u = ${display(inn.u)}, u′ = ${display(du)}.`, `u = ${display(inn.u)}, u′ = ${display(du)}.`),
      ...(middle
        ? [t(`h = ${display(middle.g('u'))}, h′(u) = ${display(productSource(middle.dg('u')))}; outer g′(h) = ${display(productSource(outer.dg('h')))}.`, `h = ${display(middle.g('u'))}, h′(u) = ${display(productSource(middle.dg('u')))}; производная внешней функции g′(h) = ${display(productSource(outer.dg('h')))}.`)]
        : [t(`The outer derivative: g′(u) = ${display(outerAtU)}.`, `Производная внешней функции: g′(u) = ${display(outerAtU)}.`)]),
      tn(() => {
        const chain = `f′(x) = ${display(unsimplified)}`;
        const same = unsimplified === key;
        return [`${chain}${same ? '' : ` = ${display(key)}`}.`, `${chain}${same ? '' : ` = ${display(key)}`}.`];
      }),
    ];
    return {
      signature: signature('chain', f),
      text: tn(() => [
        `Differentiate f(x) = ${f}. Type f′(x) as an expression in x (e.g. 2*x*cos(x^2); sigmoid, tanh, exp, log are allowed).`,
        `Найдите производную f(x) = ${f}. Введите f′(x) как выражение от x (например, 2*x*cos(x^2); можно использовать sigmoid, tanh, exp, log).`,
      ]),
      answer: { kind: 'expression', value: key, variables: ['x'], domain },
      hints: [
        t('Chain rule: (g(u(x)))′ = g′(u(x))·u′(x). Name the inner function u first.', 'Правило цепочки: (g(u(x)))′ = g′(u(x))·u′(x). Сначала выделите внутреннюю функцию u.'),
        t(`Here u = ${display(inn.u)}, so u′ = ${display(du)}.`, `Здесь u = ${display(inn.u)}, поэтому u′ = ${display(du)}.`),
        difficulty < 3
          ? t(`The outer derivative at u: ${display(outerAtU)}.`, `Производная внешней функции в точке u: ${display(outerAtU)}.`)
          : t('Apply the rule twice: outer, then middle, then inner derivative.', 'Примените правило дважды: производная внешней функции, затем средней, затем внутренней.'),
      ],
      solution: steps.map((text) => ({ text })),
      mistakes,
    };
  },
  verify(d) {
    if (d.answer.kind !== 'expression') return false;
    const f = compileExpression(d.signature.slice('chain|'.length));
    const key = compileExpression(d.answer.value);
    // second path: central finite differences of f itself
    const h = 1e-5;
    for (const pt of samplePoints(['x'], d.answer.domain, `verify:${d.signature}`).slice(0, 8)) {
      const x = pt['x']!;
      const fd = (f({ x: x + h }) - f({ x: x - h })) / (2 * h);
      const k = key({ x });
      if (!Number.isFinite(k) || Math.abs(fd - k) > 1e-4 * Math.max(1, Math.abs(k))) return false;
    }
    return true;
  },
};
