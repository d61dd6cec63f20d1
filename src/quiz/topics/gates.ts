/**
 * `gates`: the four gate rules of backpropagation with numbers.
 * add distributes the upstream gradient unchanged; mul swaps the multipliers (the gradient to
 * a is upstream·b); max routes it to the larger input only; a copy (a value used twice) sums
 * the gradients coming back.
 */
import type { Rng } from '../../core/rng.js';
import type { Difficulty, QuestionDraft, TopicGenerator } from '../types.js';
import { numberAnswer, signature } from '../build.js';
import { close, t, tn } from '../format.js';

function nonZero(rng: Rng, lo: number, hi: number): number {
  const v = rng.int(lo, hi - 1);
  return v >= 0 ? v + 1 : v;
}

function upstream(rng: Rng, difficulty: Difficulty): number {
  return difficulty === 1 ? nonZero(rng, -5, 5) : nonZero(rng, -10, 10) / 2;
}

const ADD_RULE = t('The add gate passes the upstream gradient to each input unchanged (local derivative 1).', 'Сложение распределяет: гейт сложения передаёт входящий градиент каждому входу без изменений (локальная производная 1).');
const MUL_RULE = t('The mul gate swaps: the gradient to one input is upstream × the OTHER input.', 'Умножение меняет множители местами: градиент одному входу = входящий градиент × ДРУГОЙ вход.');
const MAX_RULE = t('The max gate routes the whole upstream gradient to the larger input; the other gets 0.', 'Максимум направляет: гейт максимума отдаёт весь входящий градиент большему входу, а другой получает 0.');
const COPY_RULE = t('A value used in two places gets the SUM of the gradients coming back from both uses.', 'Копирование складывает: значение, использованное в двух местах, получает СУММУ градиентов от обоих использований.');
const LOCAL_ONLY = t('That is only the local derivative; multiply it by the upstream gradient.', 'Это только локальная производная; умножьте её на входящий градиент.');

function addGate(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const a = nonZero(rng, -9, 9);
  const b = nonZero(rng, -9, 9);
  const g = upstream(rng, difficulty);
  const { answer, mistakes } = numberAnswer(g, [
    { value: g * b, tag: 'local_only', feedback: t('That is the mul rule; an add gate does not scale the gradient.', 'Это правило умножения, а гейт сложения не масштабирует градиент.') },
    { value: g / 2, tag: 'off_by_factor', feedback: t('The add gate does not split the gradient: EACH input gets all of it.', 'Гейт сложения не делит градиент: КАЖДЫЙ вход получает его целиком.') },
    { value: a + b, tag: 'forward_value_not_gradient', feedback: t('That is the forward value a + b, not a gradient.', 'Это значение прямого прохода a + b, а не градиент.') },
  ]);
  return {
    signature: signature('add', a, b, g),
    text: tn((f) => [
      `An add gate computes a + b with a = ${f.n(a)}, b = ${f.n(b)}. The gradient ${f.n(g)} arrives from above. What gradient flows to a?`,
      `Гейт сложения вычисляет a + b при a = ${f.n(a)}, b = ${f.n(b)}. Сверху приходит градиент ${f.n(g)}. Какой градиент получает a?`,
    ]),
    answer,
    hints: [t('∂(a + b)/∂a = 1.', '∂(a + b)/∂a = 1.'), ADD_RULE],
    solution: [{ text: tn((f) => [`∂(a + b)/∂a = 1, so a gets 1·${f.factor(g)} = ${f.n(g)}.`, `∂(a + b)/∂a = 1, поэтому a получает 1·${f.factor(g)} = ${f.n(g)}.`]), rule: 'add' }],
    mistakes,
  };
}

function mulGate(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const a = nonZero(rng, -9, 9);
  const b = nonZero(rng, -9, 9);
  const g = upstream(rng, difficulty);
  const toA = rng.bernoulli(0.5);
  const mine = toA ? a : b;
  const other = toA ? b : a;
  const name = toA ? 'a' : 'b';
  const key = g * other;
  const { answer, mistakes } = numberAnswer(key, [
    { value: g * mine, tag: 'mul_own_input', feedback: t(`Multiply by the OTHER input: ∂(a·b)/∂${name} is the other factor.`, `Умножайте на ДРУГОЙ вход: ∂(a·b)/∂${name} — это другой множитель.`) },
    { value: other, tag: 'forgot_upstream', feedback: LOCAL_ONLY },
    { value: g, tag: 'local_only', feedback: t('That is the add rule; the mul gate scales by the other input.', 'Это правило сложения, а гейт умножения умножает градиент на другой вход.') },
  ]);
  return {
    signature: signature('mul', a, b, g, name),
    text: tn((f) => [
      `A mul gate computes a·b with a = ${f.n(a)}, b = ${f.n(b)}. The upstream gradient is ${f.n(g)}. What gradient flows to ${name}?`,
      `Гейт умножения вычисляет a·b при a = ${f.n(a)}, b = ${f.n(b)}. Входящий градиент равен ${f.n(g)}. Какой градиент получает ${name}?`,
    ]),
    answer,
    hints: [t(`∂(a·b)/∂${name} = ${toA ? 'b' : 'a'}.`, `∂(a·b)/∂${name} = ${toA ? 'b' : 'a'}.`), MUL_RULE],
    solution: [
      {
        text: tn((f) => [
          `∂(a·b)/∂${name} = ${toA ? 'b' : 'a'} = ${f.n(other)}; times upstream: ${f.factor(g)}·${f.factor(other)} = ${f.n(key)}.`,
          `∂(a·b)/∂${name} = ${toA ? 'b' : 'a'} = ${f.n(other)}; умножаем на входящий градиент: ${f.factor(g)}·${f.factor(other)} = ${f.n(key)}.`,
        ]),
        rule: 'mul',
      },
    ],
    mistakes,
  };
}

function maxGate(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const a = nonZero(rng, -9, 9);
  let b = nonZero(rng, -9, 9);
  if (b === a) b = a === 9 ? 8 : a + 1; // never a tie: max has no derivative there
  const g = upstream(rng, difficulty);
  const toA = rng.bernoulli(0.5);
  const mine = toA ? a : b;
  const other = toA ? b : a;
  const name = toA ? 'a' : 'b';
  const key = mine > other ? g : 0;
  const { answer, mistakes } = numberAnswer(key, [
    { value: mine > other ? 0 : g, tag: 'max_wrong_input', feedback: tn((f) => [`The gradient goes to the LARGER input: max(${f.n(a)}, ${f.n(b)}) = ${f.n(Math.max(a, b))}.`, `Градиент идёт БОЛЬШЕМУ входу: max(${f.n(a)}, ${f.n(b)}) = ${f.n(Math.max(a, b))}.`]) },
    { value: g / 2, tag: 'off_by_factor', feedback: MAX_RULE },
    { value: g * other, tag: 'local_only', feedback: t('That is the mul rule; max only routes the gradient.', 'Это правило умножения, а максимум только направляет градиент.') },
  ]);
  return {
    signature: signature('max', a, b, g, name),
    text: tn((f) => [
      `A max gate computes max(a, b) with a = ${f.n(a)}, b = ${f.n(b)}. The upstream gradient is ${f.n(g)}. What gradient flows to ${name}?`,
      `Гейт максимума вычисляет max(a, b) при a = ${f.n(a)}, b = ${f.n(b)}. Входящий градиент равен ${f.n(g)}. Какой градиент получает ${name}?`,
    ]),
    answer,
    hints: [MAX_RULE, tn((f) => [`Which is larger here, a = ${f.n(a)} or b = ${f.n(b)}?`, `Что здесь больше: a = ${f.n(a)} или b = ${f.n(b)}?`])],
    solution: [
      {
        text: tn((f) => [
          `${name} = ${f.n(mine)} is ${mine > other ? 'the larger' : 'the smaller'} input, so it gets ${mine > other ? `all of ${f.n(g)}` : '0'}.`,
          `${name} = ${f.n(mine)} — ${mine > other ? 'больший' : 'меньший'} вход, поэтому он получает ${mine > other ? `весь градиент ${f.n(g)}` : '0'}.`,
        ]),
        rule: 'max',
      },
    ],
    mistakes,
  };
}

function copyGate(rng: Rng, difficulty: Difficulty): QuestionDraft {
  const g1 = upstream(rng, difficulty);
  const g2 = upstream(rng, difficulty);
  const x = nonZero(rng, -9, 9);
  const key = g1 + g2;
  const { answer, mistakes } = numberAnswer(key, [
    { value: g1, tag: 'forgot_copy_sum', feedback: COPY_RULE },
    { value: g2, tag: 'forgot_copy_sum', feedback: COPY_RULE },
    { value: g1 * g2, tag: 'forgot_copy_sum', feedback: t('Gradients from two uses add up; they are not multiplied.', 'Градиенты от двух использований складываются, а не перемножаются.') },
    { value: (g1 + g2) / 2, tag: 'off_by_factor', feedback: t('No averaging: the copy gate sums.', 'Никакого усреднения: копирование складывает.') },
  ]);
  return {
    signature: signature('copy', x, g1, g2),
    text: tn((f) => [
      `A variable x = ${f.n(x)} is used by two gates. The backward pass brings back ${f.n(g1)} from the first use and ${f.n(g2)} from the second. What is ∂f/∂x?`,
      `Переменная x = ${f.n(x)} используется двумя гейтами. Обратный проход приносит ${f.n(g1)} от первого использования и ${f.n(g2)} от второго. Чему равна ∂f/∂x?`,
    ]),
    answer,
    hints: [t('Think of x as passing through a copy gate with two outputs.', 'Представьте, что x проходит через гейт копирования с двумя выходами.'), COPY_RULE],
    solution: [{ text: tn((f) => [`∂f/∂x = ${f.n(g1)} + ${f.factor(g2)} = ${f.n(key)}.`, `∂f/∂x = ${f.n(g1)} + ${f.factor(g2)} = ${f.n(key)}.`]), rule: 'copy' }],
    mistakes,
  };
}

/** Level 3: f = max(a·b, c); the gradient reaches a through max, then mul. */
function maxOfMul(rng: Rng): QuestionDraft {
  const a = nonZero(rng, -6, 6);
  const b = nonZero(rng, -6, 6);
  let c = rng.int(-20, 20);
  if (c === a * b) c += 1;
  const g = upstream(rng, 3);
  const passes = a * b > c;
  const key = passes ? g * b : 0;
  const { answer, mistakes } = numberAnswer(key, [
    { value: passes ? 0 : g * b, tag: 'max_wrong_input', feedback: tn((f) => [`max routes the gradient to the larger of a·b = ${f.n(a * b)} and c = ${f.n(c)}.`, `Максимум направляет градиент большему из a·b = ${f.n(a * b)} и c = ${f.n(c)}.`]) },
    { value: g * a, tag: 'mul_own_input', feedback: MUL_RULE },
    { value: b, tag: 'forgot_upstream', feedback: LOCAL_ONLY },
  ]);
  return {
    signature: signature('maxmul', a, b, c, g),
    text: tn((f) => [
      `f = max(a·b, c) with a = ${f.n(a)}, b = ${f.n(b)}, c = ${f.n(c)}. The gradient ${f.n(g)} arrives at f. What is the gradient that reaches a?`,
      `f = max(a·b, c) при a = ${f.n(a)}, b = ${f.n(b)}, c = ${f.n(c)}. К f приходит градиент ${f.n(g)}. Какой градиент доходит до a?`,
    ]),
    answer,
    hints: [MAX_RULE, MUL_RULE, tn((f) => [`a·b = ${f.n(a * b)}, c = ${f.n(c)}.`, `a·b = ${f.n(a * b)}, c = ${f.n(c)}.`])],
    solution: [
      {
        text: tn((f) => [
          `a·b = ${f.n(a * b)} ${passes ? '>' : '<'} c = ${f.n(c)}: max sends ${passes ? f.n(g) : '0'} to the mul gate.`,
          `a·b = ${f.n(a * b)} ${passes ? '>' : '<'} c = ${f.n(c)}: максимум отправляет ${passes ? f.n(g) : '0'} гейту умножения.`,
        ]),
        rule: 'max',
      },
      {
        text: tn((f) => [
          `mul: a gets ${passes ? f.factor(g) : '0'}·b = ${passes ? f.factor(g) : '0'}·${f.factor(b)} = ${f.n(key)}.`,
          `Умножение: a получает ${passes ? f.factor(g) : '0'}·b = ${passes ? f.factor(g) : '0'}·${f.factor(b)} = ${f.n(key)}.`,
        ]),
        rule: 'mul',
      },
    ],
    mistakes,
  };
}

export const gatesTopic: TopicGenerator<'gates'> = {
  id: 'gates',
  title: t('Gate rules of backpropagation', 'Правила гейтов при обратном распространении'),
  generate(rng, difficulty) {
    const r = rng.next();
    if (difficulty === 1) return r < 0.35 ? addGate(rng, 1) : r < 0.7 ? mulGate(rng, 1) : maxGate(rng, 1);
    if (difficulty === 2) return r < 0.35 ? mulGate(rng, 2) : r < 0.65 ? maxGate(rng, 2) : copyGate(rng, 2);
    return r < 0.3 ? maxOfMul(rng) : r < 0.55 ? mulGate(rng, 3) : r < 0.8 ? copyGate(rng, 3) : maxGate(rng, 3);
  },
  verify(d) {
    if (d.answer.kind !== 'number') return false;
    const p = d.signature.split('|');
    const n = (i: number) => Number(p[i]);
    // second path: a central finite difference of the gate's forward function
    const h = 1e-4;
    const fd = (f: (v: number) => number, v: number) => (f(v + h) - f(v - h)) / (2 * h);
    let key: number;
    switch (p[0]) {
      case 'add':
        key = n(3) * fd((a) => a + n(2), n(1));
        break;
      case 'mul':
        key = p[4] === 'a' ? n(3) * fd((a) => a * n(2), n(1)) : n(3) * fd((b) => n(1) * b, n(2));
        break;
      case 'max':
        key = p[4] === 'a' ? n(3) * fd((a) => Math.max(a, n(2)), n(1)) : n(3) * fd((b) => Math.max(n(1), b), n(2));
        break;
      case 'copy':
        // f = g1·u + g2·v with u = v = x: d/dx of the whole
        key = fd((x) => n(2) * x + n(3) * x, n(1));
        break;
      case 'maxmul':
        key = n(4) * fd((a) => Math.max(a * n(2), n(3)), n(1));
        break;
      default:
        return false;
    }
    return close(d.answer.value, key, 1e-6, 1e-6);
  },
};
