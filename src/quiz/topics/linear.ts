/**
 * `linear`: matrix shapes that do or do not multiply, and why two linear layers without an
 * activation collapse into one: x·W_H·W_O = x·(W_H·W_O).
 */
import type { Rng } from '../../core/rng.js';
import type { QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, EXACT_COUNT, numberAnswer, precisionText, signature } from '../build.js';
import { close, t, tn } from '../format.js';

/** Plain matrix product (rows of a times columns of b). */
export function matmul(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const inner = b.length;
  const cols = b[0]?.length ?? 0;
  return a.map((row) => Array.from({ length: cols }, (_, j) => {
    let s = 0;
    for (let k = 0; k < inner; k++) s += row[k]! * b[k]![j]!;
    return s;
  }));
}

function randomMatrix(rng: Rng, rows: number, cols: number, lo = -3, hi = 3): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(lo, hi)));
}

/** The choice "yes, the result is r×c" (its English text is what `verify` reads). */
function yesShape(r: number, c: number) {
  return t(`Yes, the result is ${r}×${c}`, `Да, произведение имеет размер ${r}×${c}`);
}

function shapes(rng: Rng): QuestionDraft | null {
  const m = rng.int(1, 64);
  const n = rng.int(1, 64);
  const q = rng.int(1, 64);
  const p = rng.bernoulli(0.5) ? n : rng.int(1, 64);
  const fits = n === p;
  const yes = yesShape(m, q);
  const swapped = yesShape(n, p);
  const no = t('No, the shapes do not match', 'Нет, размеры не согласованы');
  if (yes.en === swapped.en) return null;
  const orderFeedback = t(
    `(m×n)·(p×q) needs n = p; the result takes the outer sizes m×q. Here n = ${n}, p = ${p}.`,
    `Для (m×n)·(p×q) нужно n = p, а у результата внешние размеры m×q. Здесь n = ${n}, p = ${p}.`,
  );
  const { answer, mistakes } = fits
    ? choiceAnswer(rng, yes, [
        { text: swapped, tag: 'shape_order', feedback: orderFeedback },
        { text: no, tag: 'shape_order', feedback: orderFeedback },
      ])
    : choiceAnswer(rng, no, [
        { text: yes, tag: 'shape_order', feedback: orderFeedback },
        { text: swapped, tag: 'shape_order', feedback: orderFeedback },
      ]);
  return {
    signature: signature('shapes', m, n, p, q),
    text: t(`A is ${m}×${n} and B is ${p}×${q}. Can A·B be computed, and what is its shape?`, `Матрица A имеет размер ${m}×${n}, матрица B — ${p}×${q}. Можно ли вычислить произведение A·B и какого оно размера?`),
    answer,
    hints: [
      t('Rows of A are multiplied by columns of B: they must have the same length.', 'Строки A умножаются на столбцы B, поэтому их длины должны совпадать.'),
      t(`Compare the inner sizes: ${n} and ${p}.`, `Сравните внутренние размеры: ${n} и ${p}.`),
    ],
    solution: [
      { text: t(`Inner sizes: ${n} and ${p}: ${fits ? 'equal' : 'different'}.`, `Внутренние размеры ${n} и ${p} ${fits ? 'равны' : 'различны'}.`) },
      { text: fits ? t(`A·B exists and is ${m}×${q}.`, `Произведение A·B существует и имеет размер ${m}×${q}.`) : t('A·B is not defined.', 'Произведение A·B не определено.') },
    ],
    mistakes,
  };
}

function collapseEntry(rng: Rng): QuestionDraft {
  const h = rng.int(2, 3);
  const wh = randomMatrix(rng, 2, h);
  const wo = randomMatrix(rng, h, 2);
  const w = matmul(wh, wo);
  const i = rng.int(0, 1);
  const j = rng.int(0, 1);
  const key = w[i]![j]!;
  const terms = (f: { factor(x: number): string }) => wh[i]!.map((a, k) => `${f.factor(a)}·${f.factor(wo[k]![j]!)}`).join(' + ');
  const wrongs = [{ value: w[j]![i]!, tag: 'shape_order' as const, feedback: t('You took column i and row j: entry (i, j) is row i of W_H times column j of W_O.', 'Вы взяли столбец i и строку j, а элемент (i, j) — это строка i матрицы W_H, умноженная на столбец j матрицы W_O.') }];
  if (h === 2) {
    const swapped = matmul(wo, wh);
    wrongs.push({ value: swapped[i]![j]!, tag: 'shape_order' as const, feedback: t('That is W_O·W_H: the order matters, x·W_H·W_O = x·(W_H·W_O).', 'Это W_O·W_H, а порядок важен: x·W_H·W_O = x·(W_H·W_O).') });
  }
  const { answer, mistakes } = numberAnswer(key, wrongs);
  return {
    signature: signature('entry', wh.flat(), wo.flat(), i, j),
    text: tn((f) => [
      `Two linear layers without an activation: y = x·W_H·W_O with W_H = ${f.mat(wh)} and W_O = ${f.mat(wo)}. They act as one layer y = x·W. What is the entry W[${i + 1}][${j + 1}] (row ${i + 1}, column ${j + 1})?`,
      `Два линейных слоя без функции активации: y = x·W_H·W_O, где W_H = ${f.mat(wh)} и W_O = ${f.mat(wo)}. Они действуют как один слой y = x·W. Чему равен элемент W[${i + 1}][${j + 1}] (строка ${i + 1}, столбец ${j + 1})?`,
    ]),
    answer,
    hints: [
      t('x·W_H·W_O = x·(W_H·W_O), so W = W_H·W_O.', 'x·W_H·W_O = x·(W_H·W_O), значит, W = W_H·W_O.'),
      t(`Row ${i + 1} of W_H times column ${j + 1} of W_O.`, `Строка ${i + 1} матрицы W_H, умноженная на столбец ${j + 1} матрицы W_O.`),
    ],
    solution: [
      { text: tn((f) => [`W = W_H·W_O = ${f.mat(w)}.`, `W = W_H·W_O = ${f.mat(w)}.`]) },
      { text: tn((f) => [`W[${i + 1}][${j + 1}] = ${terms(f)} = ${f.n(key)}.`, `W[${i + 1}][${j + 1}] = ${terms(f)} = ${f.n(key)}.`]) },
    ],
    mistakes,
  };
}

function collapseCount(rng: Rng): QuestionDraft {
  const nIn = rng.int(2, 300);
  const h = rng.int(2, 300);
  const nOut = rng.int(1, 20);
  const key = nIn * nOut;
  const { answer, mistakes } = numberAnswer(key, [
    { value: nIn * h + h * nOut, tag: 'layers_collapse', feedback: t('That is what the two layers store; without an activation they equal ONE matrix W_H·W_O of shape n_in×n_out.', 'Столько чисел хранят два слоя, но без функции активации они равны ОДНОЙ матрице W_H·W_O размера n_in×n_out.') },
    { value: nIn * h * nOut, tag: 'shape_order', feedback: t('The product W_H·W_O has the outer sizes n_in×n_out; h disappears.', 'У произведения W_H·W_O внешние размеры n_in×n_out: h исчезает.') },
  ], EXACT_COUNT);
  const precision = precisionText(EXACT_COUNT.precision, 'number');
  return {
    signature: signature('count', nIn, h, nOut),
    text: tn((f) => [
      `A network maps ${f.count(nIn, 'input')} to ${f.count(h, 'hidden_unit')} and those to ${f.count(nOut, 'output')} with the weight matrices W_H and W_O, with no biases and NO activation between them. It computes the same as one linear layer x·W. How many numbers does W have?${precision.en}`,
      `Сеть переводит ${f.count(nIn, 'input')} в ${f.count(h, 'hidden_unit')}, а их — в ${f.count(nOut, 'output')} матрицами весов W_H и W_O; смещений нет, и между слоями НЕТ функции активации. Сеть вычисляет то же, что один линейный слой x·W. Сколько чисел в матрице W?${precision.ru}`,
    ]),
    answer,
    hints: [
      t('Matrix multiplication is associative: x·W_H·W_O = x·(W_H·W_O).', 'Умножение матриц ассоциативно: x·W_H·W_O = x·(W_H·W_O).'),
      t(`W_H is ${nIn}×${h}, W_O is ${h}×${nOut}: what shape is their product?`, `W_H имеет размер ${nIn}×${h}, W_O — ${h}×${nOut}. Какого размера их произведение?`),
    ],
    solution: [
      { text: t(`W = W_H·W_O is ${nIn}×${nOut}.`, `Матрица W = W_H·W_O имеет размер ${nIn}×${nOut}.`) },
      {
        text: tn((f) => [
          `${nIn}·${nOut} = ${f.count(key, 'number')}: stacking linear layers adds no expressive power, only an activation does.`,
          `${nIn}·${nOut} = ${f.count(key, 'number')}: линейные слои подряд не добавляют выразительности, её даёт только функция активации.`,
        ]),
      },
    ],
    mistakes,
  };
}

export const linearTopic: TopicGenerator<'linear'> = {
  id: 'linear',
  title: t('Linear layers and shapes', 'Линейные слои и размеры'),
  generate(rng, difficulty) {
    if (difficulty === 1) return shapes(rng);
    if (difficulty === 2) return rng.bernoulli(0.7) ? collapseEntry(rng) : shapes(rng);
    return rng.bernoulli(0.5) ? collapseCount(rng) : collapseEntry(rng);
  },
  verify(d) {
    const parts = d.signature.split('|');
    const kind = parts[0];
    if (kind === 'shapes') {
      const [m, n, p, q] = parts.slice(1).map(Number) as [number, number, number, number];
      if (d.answer.kind !== 'choice') return false;
      const chosen = d.answer.choices[d.answer.value]!.en;
      return n === p ? chosen === `Yes, the result is ${m}×${q}` : chosen.startsWith('No');
    }
    if (kind === 'entry') {
      const wh = parts[1]!.split(',').map(Number);
      const wo = parts[2]!.split(',').map(Number);
      const i = Number(parts[3]);
      const j = Number(parts[4]);
      const h = wh.length / 2;
      // second path: y = (e_i·W_H)·W_O column j, as a sum over the hidden units
      let s = 0;
      for (let k = 0; k < h; k++) s += wh[i * h + k]! * wo[k * 2 + j]!;
      return d.answer.kind === 'number' && close(d.answer.value, s);
    }
    if (kind === 'count') {
      const [nIn, , nOut] = parts.slice(1).map(Number) as [number, number, number];
      // second path: the product of a 1-row slice has nOut columns; W has nIn such rows
      const row = matmul([Array<number>(2).fill(1)], [Array<number>(nOut).fill(1), Array<number>(nOut).fill(1)])[0]!;
      return d.answer.kind === 'number' && close(d.answer.value, row.length * nIn);
    }
    return false;
  },
};
