/**
 * `activations`: derivative values at points, properties (saturating, zero-centred, bounded,
 * monotonic), "which function is this?" from an anonymous chart, and the sigmoid identity σ′ = σ(1 − σ).
 * Everything is read from the activation registry, so a new activation appears here by itself.
 */
import { ACTIVATIONS, findActivation, type Activation, type ActivationProperties } from '../../core/activations/index.js';
import type { Rng } from '../../core/rng.js';
import type { Difficulty, QuestionDraft, TopicGenerator } from '../types.js';
import { choiceAnswer, gradingFor, numberAnswer, precisionText, signature } from '../build.js';
import { close, fmt, formulaRu, intervalRu, t, tn, type NumberStyle } from '../format.js';

/** Activations a first course computes by hand (level 1), then the wider family. */
const BASIC = ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus', 'elu'];
const WIDER = ['sigmoid', 'tanh', 'elu', 'selu', 'softplus', 'silu', 'gelu', 'softsign', 'arctan', 'mish', 'leaky_relu'];

/** Registry entries usable in quizzes: no random or learned slope (their f is not one function). */
function usable(ids: readonly string[]): Activation[] {
  return ids.map((id) => findActivation(id)).filter((a): a is Activation => a !== undefined && !a.randomSlope && !a.learnableSlope);
}

function quizActivations(): Activation[] {
  return ACTIVATIONS.filter((a) => !a.randomSlope && !a.learnableSlope);
}

const H = 1e-5;
function centralDifference(f: (x: number) => number, x: number): number {
  return (f(x + H) - f(x - H)) / (2 * H);
}

/** An activation's formula as a text in one language (Russian: decimal commas). */
function formula(text: string, f: NumberStyle): string {
  return f.lang === 'ru' ? formulaRu(text) : text;
}

function derivativeAt(rng: Rng, difficulty: Difficulty): QuestionDraft | null {
  const acts = usable(difficulty === 1 ? BASIC : WIDER);
  if (acts.length === 0) return null;
  const act = rng.choice(acts);
  const x = rng.int(-600, 600) / 100;
  // never on a kink: the derivative is not defined there
  if (act.kinks.some((k) => Math.abs(x - k) < 0.05)) return null;
  const key = act.df(x);
  const fx = act.f(x);
  const grading = gradingFor(key);
  const { answer, mistakes } = numberAnswer(key, [
    { value: fx, tag: 'forward_value_not_gradient', feedback: tn((f) => [`That is f(${f.n(x)}), the value; the question asks for the slope f′(${f.n(x)}).`, `Это значение f(${f.n(x)}), а спрашивается наклон f′(${f.n(x)}).`]) },
    ...(act.id === 'sigmoid'
      ? [{ value: fx * (1 + fx), tag: 'sigmoid_identity' as const, feedback: t('σ′ = σ·(1 − σ), with a minus.', 'σ′ = σ·(1 − σ), с минусом.') }]
      : []),
    ...(act.id === 'tanh'
      ? [{ value: 1 - Math.tanh(x), tag: 'sign_error' as const, feedback: t('tanh′ = 1 − tanh², the tanh is squared.', 'tanh′ = 1 − tanh², тангенс в квадрате.') }]
      : []),
  ], grading);
  const precision = precisionText(grading.precision);
  return {
    signature: signature('df', act.id, x),
    text: tn((f) => [
      `What is the derivative of ${act.name.en}, ${act.formula.text}, at x = ${f.n(x)}?${precision.en}`,
      `Чему равна производная функции «${act.name.ru}», ${formula(act.formula.text, f)}, в точке x = ${f.n(x)}?${precision.ru}`,
    ]),
    answer,
    hints: [
      tn((f) => [`The derivative: ${act.derivative.text}.`, `Производная: ${formula(act.derivative.text, f)}.`]),
      tn((f) => [`If the derivative is written through f, first compute f(${f.n(x)}) ${f.eq(fx)}.`, `Если производная выражена через f, сначала найдите f(${f.n(x)}) ${f.eq(fx)}.`]),
    ],
    solution: [
      { text: tn((f) => [`${act.derivative.text}.`, `${formula(act.derivative.text, f)}.`]) },
      { text: tn((f) => [`At x = ${f.n(x)}: f′(${f.n(x)}) ${f.eq(key, 6)}.`, `При x = ${f.n(x)}: f′(${f.n(x)}) ${f.eq(key, 6)}.`]) },
    ],
    mistakes,
    // the curve of f only: drawing f′ would show the answer
    picture: { kind: 'plot', items: [act.id], from: -6, to: 6, derivative: false },
  };
}

/** σ′ = σ(1 − σ): from the sigmoid's output s alone, the gradient through the gate. */
function sigmoidIdentity(rng: Rng): QuestionDraft {
  const s = rng.int(1, 999) / 1000;
  const g = rng.int(1, 9) * (rng.bernoulli(0.5) ? 1 : -1);
  const local = Number((s * (1 - s)).toPrecision(12));
  const key = Number((g * local).toPrecision(12));
  const grading = gradingFor(key);
  const { answer, mistakes } = numberAnswer(key, [
    { value: g * s, tag: 'forward_value_not_gradient', feedback: t('Multiply the upstream gradient by σ′ = s(1 − s), not by s.', 'Умножайте входящий градиент на σ′ = s(1 − s), а не на s.') },
    { value: local, tag: 'forgot_upstream', feedback: t('That is the local derivative; multiply it by the upstream gradient.', 'Это локальная производная; умножьте её на входящий градиент.') },
    { value: g * s * (1 + s), tag: 'sigmoid_identity', feedback: t('σ′ = σ·(1 − σ), with a minus.', 'σ′ = σ·(1 − σ), с минусом.') },
  ], grading);
  const precision = precisionText(grading.precision);
  return {
    signature: signature('sid', s, g),
    text: tn((f) => [
      `A sigmoid gate outputs s = σ(z) = ${f.n(s)}. The upstream gradient ∂L/∂s = ${f.n(g)}. What is ∂L/∂z?${precision.en}`,
      `Гейт сигмоиды выдаёт s = σ(z) = ${f.n(s)}. Входящий градиент ∂L/∂s = ${f.n(g)}. Чему равна ∂L/∂z?${precision.ru}`,
    ]),
    answer,
    hints: [
      t("The lecture's identity: σ′(z) = σ(z)·(1 − σ(z)); you do not need z itself.", 'Тождество из лекции: σ′(z) = σ(z)·(1 − σ(z)); само z знать не нужно.'),
      tn((f) => [`σ′ = ${f.n(s)}·${f.n(1 - s)} = ${f.exact(local)}.`, `σ′ = ${f.n(s)}·${f.n(1 - s)} = ${f.exact(local)}.`]),
    ],
    solution: [
      { text: tn((f) => [`σ′ = s(1 − s) = ${f.n(s)}·${f.n(1 - s)} = ${f.exact(local)}.`, `σ′ = s(1 − s) = ${f.n(s)}·${f.n(1 - s)} = ${f.exact(local)}.`]) },
      { text: tn((f) => [`∂L/∂z = ${f.factor(g)}·${f.exact(local)} = ${f.exact(key)}.`, `∂L/∂z = ${f.factor(g)}·${f.exact(local)} = ${f.exact(key)}.`]), rule: 'sigmoid' },
    ],
    mistakes,
  };
}

type Property = 'saturating' | 'zeroCentred' | 'bounded' | 'monotonic';
const PROPERTY_TEXT: Record<Property, { en: string; ru: string }> = {
  saturating: { en: 'saturates (its derivative tends to 0 for large |x| on at least one side)', ru: 'насыщается (производная стремится к 0 при больших |x| хотя бы с одной стороны)' },
  zeroCentred: { en: 'is zero-centred (f(0) = 0 and outputs of both signs)', ru: 'центрирована относительно нуля (f(0) = 0 и выходы обоих знаков)' },
  bounded: { en: 'has a bounded range', ru: 'имеет ограниченную область значений' },
  monotonic: { en: 'is monotonic (never decreases)', ru: 'монотонна (нигде не убывает)' },
};

/** The property measured on the function itself: the second path for the registry's flags. */
export function measuredProperty(act: Activation, p: Property): boolean {
  switch (p) {
    case 'saturating':
      return Math.abs(centralDifference(act.f, -30)) < 1e-3 || Math.abs(centralDifference(act.f, 30)) < 1e-3;
    case 'zeroCentred':
      return Math.abs(act.f(0)) < 1e-9 && act.f(-3) < 0 && act.f(3) > 0;
    case 'bounded':
      return Math.abs(act.f(-1e4)) < 1e3 && Math.abs(act.f(1e4)) < 1e3;
    case 'monotonic': {
      for (let x = -10; x < 10; x += 0.01) if (act.f(x + 0.01) < act.f(x) - 1e-12) return false;
      return true;
    }
  }
}

function property(rng: Rng): QuestionDraft | null {
  const prop = rng.choice<Property>(['saturating', 'zeroCentred', 'bounded', 'monotonic']);
  const acts = quizActivations();
  const yes = acts.filter((a) => (a.properties as ActivationProperties)[prop]);
  const no = acts.filter((a) => !(a.properties as ActivationProperties)[prop]);
  // ask for the odd one out: the only one with the property, or the only one without it
  const askHas = yes.length >= 1 && no.length >= 3 && (yes.length < 3 || rng.bernoulli(0.5));
  const [pool, others] = askHas ? [yes, no] : [no, yes];
  if (pool.length < 1 || others.length < 3) return null;
  const right = rng.choice(pool);
  const wrong = rng.shuffle([...others]).slice(0, 3);
  const fb = (a: Activation) =>
    t(`${a.name.en} ${askHas ? 'does not have' : 'has'} this property. ${a.notes.en}`, `«${a.name.ru}» ${askHas ? 'не обладает' : 'обладает'} этим свойством. ${a.notes.ru}`);
  const { answer, mistakes } = choiceAnswer(
    rng,
    t(right.name.en, right.name.ru),
    wrong.map((a) => ({ text: t(a.name.en, a.name.ru), tag: 'wrong_property' as const, feedback: fb(a) })),
  );
  const q = PROPERTY_TEXT[prop];
  return {
    signature: signature('prop', prop, askHas ? 1 : 0, right.id, wrong.map((a) => a.id).sort()),
    text: askHas
      ? t(`Which of these activation functions ${q.en}?`, `Какая из этих функций активации ${q.ru}?`)
      : t(`Which of these activation functions does NOT have this property: it ${q.en}?`, `Какая из этих функций активации НЕ обладает свойством: ${q.ru}?`),
    answer,
    hints: [
      t('Sketch each function (or run /plot) and look at both ends and at x = 0.', 'Нарисуйте каждую функцию (или постройте её командой /plot) и посмотрите, как она ведёт себя на обоих концах и в точке x = 0.'),
      t(`Formulas: ${[right, ...wrong].map((a) => a.formula.text).join('; ')}.`, `Формулы: ${[right, ...wrong].map((a) => formulaRu(a.formula.text)).join('; ')}.`),
    ],
    solution: [
      { text: t(`${right.name.en}: ${right.formula.text}, range ${right.range}.`, `«${right.name.ru}»: ${formulaRu(right.formula.text)}, область значений ${intervalRu(right.range)}.`) },
      { text: t(right.notes.en, right.notes.ru) },
    ],
    mistakes,
  };
}

/** Activations whose range the lecture discusses (plain interval texts). */
const RANGE_IDS = ['identity', 'sigmoid', 'tanh', 'arctan', 'relu', 'leaky_relu', 'elu', 'softsign', 'sqnl', 'softplus', 'gelu', 'silu', 'mish', 'hardtanh', 'hardsigmoid', 'relu6'];

/** "What is the range of f?" with the ranges of other activations as distractors. */
function range(rng: Rng): QuestionDraft | null {
  const acts = usable(RANGE_IDS);
  const right = rng.choice(acts);
  // one text per distinct pair of bounds: "(−1/√α, ∞) = (−1, ∞)" and "(−1, ∞)" are the same answer
  const byBounds = new Map<string, string>();
  for (const a of acts) {
    const key = a.rangeBounds.join(',');
    const known = byBounds.get(key);
    if (known === undefined || a.range.length < known.length) byBounds.set(key, a.range);
  }
  byBounds.delete(right.rangeBounds.join(','));
  const others = [...byBounds.values()];
  if (others.length < 3) return null;
  const wrong = rng.shuffle(others).slice(0, 3);
  const { answer, mistakes } = choiceAnswer(
    rng,
    t(right.range, intervalRu(right.range)),
    wrong.map((r) => ({
      text: t(r, intervalRu(r)),
      tag: 'wrong_property' as const,
      feedback: tn((f) => [`Look at f for very negative and very positive x: f(−50) ${f.eq(right.f(-50))}, f(50) ${f.eq(right.f(50))}.`, `Посмотрите на f при больших по модулю отрицательных и положительных x: f(−50) ${f.eq(right.f(-50))}, f(50) ${f.eq(right.f(50))}.`]),
    })),
  );
  return {
    signature: signature('range', right.id, [...wrong].sort()),
    text: t(`What is the range of ${right.name.en}, ${right.formula.text}?`, `Какова область значений функции «${right.name.ru}», ${formulaRu(right.formula.text)}?`),
    answer,
    hints: [
      t('Where does f go as x → −∞ and as x → +∞?', 'Куда стремится f при x → −∞ и при x → +∞?'),
      tn((f) => [`f(−50) ${f.eq(right.f(-50))}, f(0) ${f.eq(right.f(0))}, f(50) ${f.eq(right.f(50))}.`, `f(−50) ${f.eq(right.f(-50))}, f(0) ${f.eq(right.f(0))}, f(50) ${f.eq(right.f(50))}.`]),
    ],
    solution: [{ text: t(`${right.formula.text}: range ${right.range}.`, `${formulaRu(right.formula.text)}: область значений ${intervalRu(right.range)}.`) }],
    mistakes,
  };
}

/** The range measured on the function: the smallest and largest values on a wide grid. */
export function measuredRange(act: Activation): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let x = -1000; x <= 1000; x += x > -20 && x < 20 ? 0.01 : 1) {
    const y = act.f(x);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return [lo, hi];
}

/** Ranges a "which function is this?" chart shows (the slides use [−5, 5]). */
const CHART_RANGES: ReadonlyArray<readonly [number, number]> = [[-5, 5], [-4, 4], [-6, 6], [-3, 3]];

/**
 * Functions a first course meets first: the choices of level 1. Not leaky_relu or relu6: on
 * these ranges they are drawn exactly like relu, so a beginner could only guess by elimination.
 */
const FAMILIAR = ['sigmoid', 'tanh', 'relu', 'elu', 'softplus', 'binary_step', 'hardtanh', 'arctan'];

/**
 * Two curves count as different shapes when they differ somewhere on the shown range by at
 * least this share of the shown curve's height (at least 1): on an 800x450 chart that is tens
 * of pixels, not a line width. relu and leaky_relu (0.05 apart at −5) never meet in one question.
 */
export const DISTINCT_SHAPES = 0.15;

/** Activations a chart can show: one fixed function each (bipolar_relu alternates per unit). */
function chartActivations(difficulty: Difficulty): Activation[] {
  const all = quizActivations().filter((a) => a.id !== 'identity' && a.id !== 'bipolar_relu');
  return difficulty === 1 ? all.filter((a) => FAMILIAR.includes(a.id)) : all;
}

/** Where on [from, to] two functions differ most, sampled at n points. */
export function largestGap(shown: Activation, other: Activation, from: number, to: number, n = 121): { x: number; gap: number; share: number } {
  let best = { x: from, gap: -1 };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = from + ((to - from) * i) / (n - 1);
    const y = shown.f(x);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
    const gap = Math.abs(y - other.f(x));
    if (gap > best.gap) best = { x, gap };
  }
  return { ...best, share: best.gap / Math.max(hi - lo, 1) };
}

/**
 * "Which function is this?" from an anonymous chart: the picture shows f(x) = ? (and at level 1
 * its derivative dashed) with no name or formula; the choices are registry functions whose
 * curves clearly differ from it on the shown range.
 */
function whichFromChart(rng: Rng, difficulty: Difficulty): QuestionDraft | null {
  const acts = chartActivations(difficulty);
  const right = rng.choice(acts);
  const [from, to] = rng.choice(CHART_RANGES);
  const others = acts.filter((a) => a !== right && largestGap(right, a, from, to).share >= DISTINCT_SHAPES);
  if (others.length < 3) return null;
  const wrong = rng.shuffle([...others]).slice(0, 3);
  const derivative = difficulty === 1;
  const { answer, mistakes } = choiceAnswer(
    rng,
    t(right.name.en, right.name.ru),
    wrong.map((a) => {
      // the point where the two curves part most: what the student can check on the chart
      const { x } = largestGap(right, a, from, to);
      const at = Number(x.toFixed(2));
      return {
        text: t(a.name.en, a.name.ru),
        tag: 'wrong_property' as const,
        feedback: tn((f) => [
          `Not ${a.name.en}: at x = ${f.n(at)} it is ${f.n(a.f(at))}, but the curve on the chart is at ${f.n(right.f(at))}.`,
          `Не «${a.name.ru}»: в точке x = ${f.n(at)} эта функция равна ${f.n(a.f(at))}, а кривая на графике проходит через ${f.n(right.f(at))}.`,
        ]),
      };
    }),
  );
  const range = `[${fmt(from)}, ${fmt(to)}]`;
  return {
    signature: signature('chart', right.id, wrong.map((a) => a.id).sort(), from, to, derivative ? 1 : 0),
    text: derivative
      ? t(
          `The chart shows an activation function f(x) on ${range} (solid) and its derivative f′(x) (dashed). Which function is it?`,
          `На графике функция активации f(x) на отрезке ${range} (сплошная линия) и её производная f′(x) (пунктир). Какая это функция?`,
        )
      : t(`The chart shows an activation function f(x) on ${range}. Which function is it?`, `На графике функция активации f(x) на отрезке ${range}. Какая это функция?`),
    picture: { kind: 'plot', items: [right.id], from, to, derivative, anonymous: true },
    answer,
    hints: [
      t(
        'Read the shape: is it bounded, does it flatten out on either side (saturate), is it smooth or has a corner or a jump? What is f(0)?',
        'Прочитайте форму: ограничена ли функция, выходит ли на горизонталь с какой-либо стороны (насыщение), гладкая ли она или есть излом или скачок? Чему равно f(0)?',
      ),
      tn((f) => [`f(0) ${f.eq(right.f(0))}; its range is ${right.range}.`, `f(0) ${f.eq(right.f(0))}; область значений ${intervalRu(right.range)}.`]),
    ],
    solution: [
      { text: t(`${right.name.en}: ${right.formula.text}, range ${right.range}.`, `«${right.name.ru}»: ${formulaRu(right.formula.text)}, область значений ${intervalRu(right.range)}.`) },
      { text: t(right.notes.en, right.notes.ru) },
    ],
    mistakes,
  };
}

/** The chart question's second path: the registry, on a finer grid than the generator's. */
function verifyChart(d: QuestionDraft, p: string[]): boolean {
  if (d.answer.kind !== 'choice' || d.picture?.kind !== 'plot') return false;
  const right = findActivation(p[1]!);
  const wrong = p[2]!.split(',').map((id) => findActivation(id));
  const [from, to] = [Number(p[3]), Number(p[4])];
  if (!right || wrong.some((a) => !a) || wrong.length !== 3) return false;
  // the picture draws exactly this registry function, anonymously, on the stated range
  const pic = d.picture;
  const drawn = pic.items.length === 1 ? findActivation(pic.items[0]!) : undefined;
  if (drawn !== right || pic.anonymous !== true || pic.from !== from || pic.to !== to || pic.derivative !== (p[5] === '1')) return false;
  // the key names it, and every other choice is a registry function of a clearly different shape
  const byName = (en: string) => ACTIVATIONS.find((a) => a.name.en === en);
  if (byName(d.answer.choices[d.answer.value]!.en) !== right) return false;
  const others = d.answer.choices.filter((_, i) => i !== d.answer.value).map((c) => byName(c.en));
  return others.every((a) => a !== undefined && wrong.includes(a) && largestGap(right, a, from, to, 1001).share >= DISTINCT_SHAPES);
}

export const activationsTopic: TopicGenerator<'activations'> = {
  id: 'activations',
  title: t('Activation functions', 'Функции активации'),
  generate(rng, difficulty) {
    const r = rng.next();
    if (difficulty === 1) return r < 0.55 ? derivativeAt(rng, 1) : r < 0.8 ? sigmoidIdentity(rng) : r < 0.9 ? range(rng) : whichFromChart(rng, 1);
    if (difficulty === 2) return r < 0.45 ? derivativeAt(rng, 2) : r < 0.65 ? sigmoidIdentity(rng) : r < 0.75 ? range(rng) : r < 0.9 ? property(rng) : whichFromChart(rng, 2);
    return r < 0.45 ? derivativeAt(rng, 3) : r < 0.7 ? property(rng) : r < 0.85 ? whichFromChart(rng, 3) : sigmoidIdentity(rng);
  },
  verify(d) {
    const p = d.signature.split('|');
    if (p[0] === 'df' && d.answer.kind === 'number') {
      const act = findActivation(p[1]!);
      return act !== undefined && close(d.answer.value, centralDifference(act.f, Number(p[2])), 1e-5, 1e-7);
    }
    if (p[0] === 'sid' && d.answer.kind === 'number') {
      const s = Number(p[1]);
      const sig = findActivation('sigmoid');
      if (!sig) return false;
      const z = Math.log(s / (1 - s)); // σ(z) = s
      return close(d.answer.value, Number(p[2]) * centralDifference(sig.f, z), 1e-5, 1e-7);
    }
    if (p[0] === 'prop' && d.answer.kind === 'choice') {
      const prop = p[1] as Property;
      const askHas = p[2] === '1';
      const right = findActivation(p[3]!);
      const wrong = p[4]!.split(',').map((id) => findActivation(id));
      if (!right || wrong.some((a) => !a)) return false;
      const ok = measuredProperty(right, prop) === askHas && wrong.every((a) => measuredProperty(a!, prop) !== askHas);
      return ok && d.answer.choices[d.answer.value]!.en === right.name.en;
    }
    if (p[0] === 'range' && d.answer.kind === 'choice') {
      // second path: the extreme values on a wide grid must lie within the stated bounds and reach them
      const act = findActivation(p[1]!);
      if (!act || d.answer.choices[d.answer.value]!.en !== act.range) return false;
      const [lo, hi] = measuredRange(act);
      const [blo, bhi] = act.rangeBounds;
      const near = (m: number, b: number) => (Number.isFinite(b) ? Math.abs(m - b) < 1e-2 * Math.max(1, Math.abs(b)) : Math.abs(m) >= 9);
      return near(lo, blo) && near(hi, bhi);
    }
    if (p[0] === 'chart') return verifyChart(d, p);
    return false;
  },
};
