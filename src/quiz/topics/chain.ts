/**
 * `chain`: symbolic derivatives of composites (σ(wx + b), tanh²(x), e^(x²), log(1 + e^x)...).
 * The student types f'(x) in plain math syntax; it is accepted when it equals the key at many
 * random points. Keys are checked against central finite differences of f before use.
 */
import type { Rng } from '../../core/rng.js';
import type { Difficulty, Mistake, QuestionDraft, TopicGenerator } from '../types.js';
import { signature } from '../build.js';
import { t } from '../format.js';
import { compileExpression, samplePoints } from '../expression-check.js';

/** An inner function u(x) and its derivative, as plain-syntax strings. */
interface Inner {
  u: string;
  du: string;
}

/** An outer function g and its derivative, as functions of the argument's text. */
interface Outer {
  name: string;
  g(u: string): string;
  dg(u: string): string;
  /** A tempting wrong derivative (e.g. +sin for cos), if the function has one. */
  signError?(u: string): string;
}

const p = (s: string) => `(${s})`;

function linear(a: number, b: number, power = 1): string {
  const ax = `${a === 1 ? '' : a === -1 ? '-' : `${a}*`}x${power === 1 ? '' : `^${power}`}`;
  return b === 0 ? ax : `${ax} ${b < 0 ? '-' : '+'} ${Math.abs(b)}`;
}

const OUTERS: Record<string, Outer> = {
  exp: { name: 'exp', g: (u) => `exp(${u})`, dg: (u) => `exp(${u})` },
  sin: { name: 'sin', g: (u) => `sin(${u})`, dg: (u) => `cos(${u})` },
  cos: { name: 'cos', g: (u) => `cos(${u})`, dg: (u) => `-sin(${u})`, signError: (u) => `sin(${u})` },
  pow2: { name: 'pow2', g: (u) => `${p(u)}^2`, dg: (u) => `2*${p(u)}` },
  pow3: { name: 'pow3', g: (u) => `${p(u)}^3`, dg: (u) => `3*${p(u)}^2` },
  pow4: { name: 'pow4', g: (u) => `${p(u)}^4`, dg: (u) => `4*${p(u)}^3` },
  sigmoid: { name: 'sigmoid', g: (u) => `sigmoid(${u})`, dg: (u) => `sigmoid(${u})*(1 - sigmoid(${u}))` },
  tanh: { name: 'tanh', g: (u) => `tanh(${u})`, dg: (u) => `1 - tanh(${u})^2`, signError: (u) => `1 + tanh(${u})^2` },
  tanh2: { name: 'tanh2', g: (u) => `tanh(${u})^2`, dg: (u) => `2*tanh(${u})*(1 - tanh(${u})^2)` },
  softplus: { name: 'softplus', g: (u) => `log(1 + exp(${u}))`, dg: (u) => `exp(${u})/(1 + exp(${u}))` },
  log1p2: { name: 'log1p2', g: (u) => `log(1 + ${p(u)}^2)`, dg: (u) => `2*${p(u)}/(1 + ${p(u)}^2)` },
  expSq: { name: 'expSq', g: (u) => `exp(${p(u)}^2)`, dg: (u) => `2*${p(u)}*exp(${p(u)}^2)` },
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
  if (difficulty === 2 && rng.bernoulli(0.4)) return { u: linear(a, b, 2), du: `${2 * a}*x` };
  return { u: linear(a, b), du: String(a) };
}

const FORGOT_INNER = t(
  'You forgot the inner derivative: (g(u(x)))′ = g′(u(x))·u′(x).',
  'Вы забыли производную внутренней функции: (g(u(x)))′ = g′(u(x))·u′(x).',
);
const WRONG_POINT = t(
  'The outer derivative must be evaluated at the inner function u(x), not at x.',
  'Производную внешней функции нужно брать в точке u(x), а не в x.',
);
const SIGN = t('Check the sign of the outer derivative: (cos u)′ = −sin u, (tanh u)′ = 1 − tanh² u.', 'Проверьте знак производной внешней функции: (cos u)′ = −sin u, (tanh u)′ = 1 − tanh² u.');

export const chainTopic: TopicGenerator = {
  id: 'chain',
  title: t('The chain rule', 'Правило цепочки'),
  generate(rng, difficulty) {
    const c = difficulty === 1 ? rng.int(1, 9) : rng.int(1, 4);
    const scale = (s: string) => (c === 1 ? s : `${c}*${s}`);
    const outer = OUTERS[rng.choice(LEVEL_OUTERS[difficulty])]!;
    const inn = inner(rng, difficulty);
    let f: string;
    let key: string;
    const wrongs: Array<Mistake & { value: string; coincides: boolean }> = [];
    const unitInner = inn.du === '1';
    if (difficulty < 3) {
      f = scale(outer.g(inn.u));
      key = scale(`${outer.dg(inn.u)}*${p(inn.du)}`);
      wrongs.push({ tag: 'forgot_inner_derivative', value: scale(outer.dg(inn.u)), feedback: FORGOT_INNER, coincides: unitInner });
      wrongs.push({ tag: 'outer_at_wrong_point', value: scale(`${outer.dg('x')}*${p(inn.du)}`), feedback: WRONG_POINT, coincides: inn.u === 'x' });
      // with u′ = −1, cos's sign error (+sin u·u′) is the same function as forgetting u′: name that one
      if (outer.signError) wrongs.push({ tag: 'sign_error', value: scale(`${outer.signError(inn.u)}*${p(inn.du)}`), feedback: SIGN, coincides: inn.du === '-1' && outer.name === 'cos' });
    } else {
      // g(h(u(x))): three links in the chain
      const mid = OUTERS[rng.choice(MIDDLE)]!;
      const hu = mid.g(inn.u);
      f = scale(outer.g(hu));
      key = scale(`${outer.dg(hu)}*${p(mid.dg(inn.u))}*${p(inn.du)}`);
      wrongs.push({ tag: 'forgot_inner_derivative', value: scale(`${outer.dg(hu)}*${p(mid.dg(inn.u))}`), feedback: FORGOT_INNER, coincides: unitInner });
      wrongs.push({ tag: 'forgot_inner_derivative', value: scale(`${outer.dg(hu)}*${p(inn.du)}`), feedback: FORGOT_INNER, coincides: false });
      wrongs.push({ tag: 'outer_at_wrong_point', value: scale(`${outer.dg(inn.u)}*${p(mid.dg(inn.u))}*${p(inn.du)}`), feedback: WRONG_POINT, coincides: false });
      if (mid.signError) wrongs.push({ tag: 'sign_error', value: scale(`${outer.dg(hu)}*${p(mid.signError(inn.u))}*${p(inn.du)}`), feedback: SIGN, coincides: inn.du === '-1' && mid.name === 'cos' });
    }
    const domain = { from: -2, to: 2 };
    // Drop the mistakes that coincide with the key: with u = x ("wrong point" is right) or
    // u′ = 1 ("forgot u′" is right). Decided from the structure, so no parsing is needed here.
    const mistakes = wrongs.filter((w) => !w.coincides).map(({ coincides: _, ...m }) => m);
    return {
      signature: signature('chain', f),
      text: t(
        `Differentiate f(x) = ${f}. Type f′(x) as an expression in x (e.g. 2*x*cos(x^2); sigmoid, tanh, exp, log are allowed).`,
        `Найдите производную f(x) = ${f}. Введите f′(x) как выражение от x (например 2*x*cos(x^2); можно sigmoid, tanh, exp, log).`,
      ),
      answer: { kind: 'expression', value: key, variables: ['x'], domain },
      hints: [
        t('Chain rule: (g(u(x)))′ = g′(u(x))·u′(x). Name the inner function u first.', 'Правило цепочки: (g(u(x)))′ = g′(u(x))·u′(x). Сначала назовите внутреннюю функцию u.'),
        t(`Here u = ${inn.u}, so u′ = ${inn.du}.`, `Здесь u = ${inn.u}, значит u′ = ${inn.du}.`),
        t(
          difficulty < 3 ? `The outer derivative at u: ${outer.dg('u')}.` : 'Apply the rule twice: outer, then middle, then inner derivative.',
          difficulty < 3 ? `Производная внешней функции в точке u: ${outer.dg('u')}.` : 'Примените правило дважды: внешняя, средняя, затем внутренняя производная.',
        ),
      ],
      solution: [
        { text: t(`u = ${inn.u}, u′ = ${inn.du}.`, `u = ${inn.u}, u′ = ${inn.du}.`) },
        { text: t(`f′(x) = ${key}.`, `f′(x) = ${key}.`) },
      ],
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
