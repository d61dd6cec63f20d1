/**
 * `backprop`: a computation graph in the lecture's style with its forward values; the student
 * gives one partial derivative (of an input or of an intermediate node u). The worked solution
 * walks the backward pass step by step, each with the gate rule it applies and the graph after
 * that step. The key comes from the core's backward pass and is checked against central
 * finite differences of the expression before the question is shown.
 */
import { compileExpression } from '../expression-check.js';
import { backwardSteps, exportGraph, exportGraphAfterSteps, type BackwardStep, type GraphExport, type GraphNode, type Value } from '../../core/scalar/index.js';
import type { LocalizedText } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { Difficulty, GraphAsk, QuestionDraft, QuestionPicture, SolutionStep, TopicGenerator } from '../types.js';
import { numberAnswer, signature, type WrongOption } from '../build.js';
import { factor, fmt, t } from '../format.js';
import { TreeBuilder, graphSize, lectureModel, onGridOf, opNodes, toSource, toValue, treeGradient, treeGradients, variablesOutside, type OpNode, type TreeNode, type VarNode } from './backprop-tree.js';

/** Total graph nodes (inputs, constants and ops) per difficulty, as in issue 5: 3 to 10. */
const NODE_RANGE: Record<Difficulty, [number, number]> = { 1: [3, 5], 2: [5, 8], 3: [8, 10] };
const OP_RANGE: Record<Difficulty, [number, number]> = { 1: [1, 2], 2: [2, 4], 3: [4, 6] };

/** Name of the asked intermediate node in texts and in the `graph.expression`. */
const U = 'u';

const RULES: Record<string, LocalizedText> = {
  add: t('add gate: hands the upstream gradient to every input', 'гейт сложения: передаёт входящий градиент каждому входу'),
  mul: t('mul gate: each input gets upstream × the other input', 'гейт умножения: каждый вход получает входящий × другой вход'),
  div: t('div gate: ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²', 'гейт деления: ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²'),
  max: t('max gate: routes the gradient to the larger input only', 'гейт максимума: направляет градиент только большему входу'),
  exp: t('exp: local derivative e^a, the output itself', 'exp: локальная производная e^a, равна самому выходу'),
  log: t('log: local derivative 1/a', 'log: локальная производная 1/a'),
  sigmoid: t('sigmoid: local derivative σ(1 − σ)', 'сигмоида: локальная производная σ(1 − σ)'),
  tanh: t('tanh: local derivative 1 − tanh²', 'tanh: локальная производная 1 − tanh²'),
  relu: t('relu: passes the gradient if the input is positive, else 0', 'relu: пропускает градиент при положительном входе, иначе 0'),
  pow: t('pow: local derivative k·a^(k−1)', 'степень: локальная производная k·a^(k−1)'),
  copy: t('copy gate: a value used several times sums the gradients of its uses', 'гейт копирования: значение, использованное несколько раз, суммирует градиенты'),
};

/**
 * Short names of the op nodes, shown as tags on every picture of the question and used in every
 * text, so "node q" in a worked step is the box tagged q: the output is f (the question says
 * f = ...), the asked node u, the others p, q, r... in forward order.
 */
export type NodeNames = ReadonlyMap<number, string>;

const TAG_LETTERS = ['p', 'q', 'r', 's', 't', 'g', 'h', 'k', 'm', 'n'];

/** Names for the op nodes of a graph (see NodeNames); null if the letters run out. */
export function nameOpNodes(graph: GraphExport, asked: number): Map<number, string> | null {
  const taken = new Set(graph.nodes.filter((n) => n.op === 'var').map((n) => n.label));
  const free = TAG_LETTERS.filter((l) => !taken.has(l));
  const names = new Map<number, string>();
  for (const n of graph.nodes) {
    if (n.op === 'var' || n.op === 'const') continue;
    const name = n.id === graph.output ? 'f' : n.id === asked ? U : free.shift();
    if (name === undefined) return null;
    names.set(n.id, name);
  }
  return names;
}

function nodeName(n: GraphNode, names: NodeNames): string {
  if (n.op === 'var' && n.label !== undefined) return n.label;
  if (n.op === 'const') return fmt(n.value);
  return names.get(n.id) ?? n.label ?? `#${n.id}`;
}

/** The tags a graph picture shows: one per named op node. */
function nodeTags(names: NodeNames): Array<{ node: number; text: string }> {
  return [...names].map(([node, text]) => ({ node, text }));
}

/** The symbols the graph picture draws for the arithmetic gates. */
const SYMBOLS: Record<string, string> = { add: '+', mul: '×', div: '÷', pow: '^' };

function describeNode(n: GraphNode, names: NodeNames, lang: 'en' | 'ru'): string {
  const name = nodeName(n, names);
  if (n.op === 'var' || n.op === 'const') return name;
  const op = SYMBOLS[n.op] ?? n.op;
  return lang === 'en' ? `node ${name} (${op}, value ${fmt(n.value)})` : `узел ${name} (${op}, значение ${fmt(n.value)})`;
}

/** One backward step as text in both languages. */
function stepText(step: BackwardStep, graph: GraphExport, names: NodeNames): LocalizedText {
  const node = graph.nodes[step.node]!;
  if (step.rule === 'copy') {
    const parts = (step.sum ?? []).map((s) => fmt(s.grad));
    return t(
      `${nodeName(node, names)} is used ${parts.length} times (copy gate): its gradient is the sum ${parts.join(' + ')} = ${fmt(step.upstream)}.`,
      `${nodeName(node, names)} используется ${parts.length} раза (гейт копирования): его градиент — сумма ${parts.join(' + ')} = ${fmt(step.upstream)}.`,
    );
  }
  const sent = step.contributions
    .filter((c) => graph.nodes[c.input]!.op !== 'const')
    .map((c) => `${nodeName(graph.nodes[c.input]!, names)}: ${factor(step.upstream)}·${factor(c.local)} = ${fmt(c.added)}`)
    .join('; ');
  const rule = RULES[step.rule] ?? t(`${step.rule}: local derivative`, `${step.rule}: локальная производная`);
  // a gate whose inputs are all constants (relu(2)) has no gradient to pass on
  const sends = sent === '' ? t('Its input is a constant: nothing to send', 'Его вход — константа: отправлять некому') : t(`Sends ${sent}`, `Отправляет ${sent}`);
  return t(
    `${describeNode(node, names, 'en')}, upstream ${fmt(step.upstream)}. ${rule.en}. ${sends.en}.`,
    `${describeNode(node, names, 'ru')}, входящий градиент ${fmt(step.upstream)}. ${rule.ru}. ${sends.ru}.`,
  );
}

/**
 * The graph picture after `done` backward steps: gradients known so far (the output's 1 and
 * every node that has received a contribution) are shown, the rest are "?" rather than a
 * misleading 0; the node whose step ran last is highlighted.
 */
function stepPicture(output: Value, steps: readonly BackwardStep[], done: number, graph: GraphExport, names: NodeNames): QuestionPicture {
  const known = new Set<number>([graph.output]);
  for (const step of steps.slice(0, done)) for (const c of step.contributions) known.add(c.input);
  return {
    kind: 'graph',
    graph: exportGraphAfterSteps(output, done),
    options: { showValues: true, showGrads: true, highlight: steps[done - 1]!.node, knownGrads: [...known].sort((a, b) => a - b), nodeTags: nodeTags(names) },
  };
}

function valueText(v: VarNode): string {
  return v.lnOf !== undefined ? `${v.name} = ln ${v.lnOf} ≈ ${fmt(v.value)}` : `${v.name} = ${fmt(v.value)}`;
}

/**
 * Every displayed number friendly: values on a 0.01 grid (ln k inputs and log outputs aside),
 * gradients on a 0.001 grid. Checked on the tree first, which is much cheaper than the core graph.
 */
function friendly(root: TreeNode): boolean {
  for (const n of opNodes(root)) {
    if (n.op === 'log' || n === root) continue;
    if (!onGridOf(n.value, 0.01) || Math.abs(n.value) > 400) return false;
  }
  for (const [n, g] of treeGradients(root)) {
    if (n.kind !== 'const' && (!onGridOf(g, 0.001) || Math.abs(g) > 1000)) return false;
  }
  return true;
}

function draw(rng: Rng, difficulty: Difficulty): { root: TreeNode; vars: Map<string, VarNode> } | null {
  if (difficulty < 3 && rng.bernoulli(difficulty === 2 ? 0.15 : 0)) return lectureModel(rng);
  const b = new TreeBuilder(rng, difficulty);
  const [lo, hi] = OP_RANGE[difficulty];
  const root = b.build(rng.int(lo, hi));
  if (!root || root.kind !== 'op') return null;
  // level 3 always has a copy gate (a variable used twice); level 2 often
  const reused = b.uses > b.vars.size + countConsts(root);
  if (difficulty === 3 && !reused) return null;
  return { root, vars: b.vars };
}

function countConsts(root: TreeNode): number {
  let c = 0;
  const walk = (n: TreeNode) => {
    if (n.kind === 'const') c++;
    if (n.kind === 'op') n.args.forEach(walk);
  };
  walk(root);
  return c;
}

function generate(rng: Rng, difficulty: Difficulty): QuestionDraft | null {
  const drawn = draw(rng, difficulty);
  if (!drawn) return null;
  const { root, vars } = drawn;
  const [lo, hi] = NODE_RANGE[difficulty];
  const size = graphSize(root);
  if (size < lo || size > hi || !friendly(root)) return null;
  const inner = opNodes(root).filter((n) => n !== root && onGridOf(n.value, 0.01));
  const askInner = difficulty > 1 && inner.length > 0 && rng.bernoulli(difficulty === 2 ? 0.3 : 0.45);
  const varList = [...vars.values()];
  if (varList.length === 0) return null;
  const target: VarNode | OpNode = askInner ? rng.choice(inner) : rng.choice(varList);
  const askName = target.kind === 'var' ? target.name : U;

  const { output } = toValue(root, target.kind === 'op' ? target : undefined, U);
  output.backward();
  const graph = exportGraph(output);
  if (graph.nodes.length !== size) return null;
  const asked = graph.nodes.find((n) => n.label === askName && (target.kind === 'var' ? n.op === 'var' : n.op !== 'var'));
  if (!asked) return null;
  // 12 significant digits: 2.25, not 2.2499999999999996 (float noise of the backward pass)
  const key = Number(asked.grad.toPrecision(12));
  // a zero answer is fine now and then (relu off, max routed away), not most of the time
  if (key === 0 && rng.bernoulli(0.7)) return null;

  const full = toSource(root);
  const expression = target.kind === 'op' ? toSource(root, { node: target, name: U }) : full;
  const fullValues = Object.fromEntries(varList.map((v) => [v.name, v.value]));
  const values: Record<string, number> = { ...fullValues };
  if (target.kind === 'op') {
    values[U] = target.value;
    // variables used only inside u disappear from the ask expression
    const names = variablesOutside(root, target).add(U);
    for (const k of Object.keys(values)) if (!names.has(k)) delete values[k];
  }

  const names = nameOpNodes(graph, asked.id);
  if (!names) return null;
  const steps = backwardSteps(output);
  const solution: SolutionStep[] = steps.map((s, i) => ({
    text: stepText(s, graph, names),
    rule: s.rule,
    picture: stepPicture(output, steps, i + 1, graph, names),
  }));
  solution.push({ text: t(`So ∂f/∂${askName} = ${fmt(key)}.`, `Итак, ∂f/∂${askName} = ${fmt(key)}.`) });

  // What typical mistakes give, by the tree's own backward pass with one rule broken.
  const wrongs: Array<WrongOption<number>> = [];
  const received = steps.flatMap((s) => s.contributions.filter((c) => c.input === asked.id).map((c) => ({ local: c.local, added: c.added, upstream: s.upstream })));
  if (received.length > 1) {
    for (const r of received) {
      wrongs.push({ value: r.added, tag: 'forgot_copy_sum', feedback: t(`${askName} is used ${received.length} times: add the gradients from every use (copy gate).`, `${askName} используется ${received.length} раза: сложите градиенты от всех использований (гейт копирования).`) });
    }
  }
  const hasOp = (o: string) => opNodes(root).some((n) => n.op === o);
  if (hasOp('max')) wrongs.push({ value: treeGradient(root, target, 'maxSwap'), tag: 'max_wrong_input', feedback: t('The max gate sends the gradient to the LARGER input only.', 'Гейт максимума отправляет градиент только БОЛЬШЕМУ входу.') });
  if (hasOp('mul')) wrongs.push({ value: treeGradient(root, target, 'mulOwn'), tag: 'mul_own_input', feedback: t('A mul gate multiplies the upstream gradient by the OTHER input.', 'Гейт умножения умножает входящий градиент на ДРУГОЙ вход.') });
  if (hasOp('div')) wrongs.push({ value: treeGradient(root, target, 'divSign'), tag: 'sign_error', feedback: t('∂(a/b)/∂b = −a/b²: mind the minus.', '∂(a/b)/∂b = −a/b²: не забудьте минус.') });
  wrongs.push({ value: treeGradient(root, target, 'noChain'), tag: 'forgot_upstream', feedback: t('That is only the local derivative of the last gate: multiply by the gradient arriving from above (chain rule).', 'Это только локальная производная последнего гейта: умножьте на градиент, пришедший сверху (правило цепочки).') });
  wrongs.push({ value: -key, tag: 'sign_error', feedback: t('Check the signs along the path.', 'Проверьте знаки на пути.') });
  wrongs.push({ value: asked.value, tag: 'forward_value_not_gradient', feedback: t(`That is the forward value of ${askName}, not ∂f/∂${askName}.`, `Это прямое значение ${askName}, а не ∂f/∂${askName}.`) });
  const { answer, mistakes } = numberAnswer(key, wrongs);

  const given = varList.map(valueText).join(', ');
  const uText = target.kind === 'op' ? ` Let ${U} = ${toSource(target)} (the highlighted node tagged ${U}, value ${fmt(target.value)}).` : '';
  const uTextRu = target.kind === 'op' ? ` Пусть ${U} = ${toSource(target)} (выделенный узел с меткой ${U}, значение ${fmt(target.value)}).` : '';
  const last = steps.filter((s) => s.contributions.some((c) => c.input === asked.id));
  const firstUser = last[0];
  const hints: LocalizedText[] = [
    t('Go backwards from the output (its gradient is 1) and apply each gate\'s rule; multiply by the upstream gradient.', 'Идите назад от выхода (его градиент 1) и применяйте правило каждого гейта, умножая на входящий градиент.'),
    firstUser
      ? t(`${askName} receives its gradient from ${describeNode(graph.nodes[firstUser.node]!, names, 'en')}, whose own gradient is ${fmt(firstUser.upstream)}.`, `${askName} получает градиент через ${describeNode(graph.nodes[firstUser.node]!, names, 'ru')}; градиент этого узла равен ${fmt(firstUser.upstream)}.`)
      : t('Find the gates that use the asked node.', 'Найдите гейты, которые используют нужный узел.'),
  ];
  if (received.length > 1) hints.push(RULES['copy']!);
  else if (firstUser) hints.push(t(`Rule: ${RULES[firstUser.rule]?.en ?? firstUser.rule}.`, `Правило: ${RULES[firstUser.rule]?.ru ?? firstUser.rule}.`));

  const graphAsk: GraphAsk = { expression, values, ask: askName, full: { expression: full, values: fullValues } };
  return {
    signature: signature('bp', full, Object.entries(fullValues).map(([k, v]) => `${k}=${v}`), askName, target.kind === 'op' ? toSource(target) : ''),
    text: t(
      `The graph computes f = ${full} at ${given}; forward values are on the picture.${uText} Find ∂f/∂${askName}.`,
      `Граф вычисляет f = ${full} при ${given}; прямые значения — на картинке.${uTextRu} Найдите ∂f/∂${askName}.`,
    ),
    picture: { kind: 'graph', graph: exportGraphAfterSteps(output, 0), options: { showValues: true, showGrads: false, highlight: asked.id, nodeTags: nodeTags(names) } },
    answer,
    hints,
    solution,
    mistakes,
    graph: graphAsk,
  };
}

/** Central finite difference of the ask expression in the asked variable. */
export function finiteDifference(g: GraphAsk): number {
  const f = compileExpression(g.expression);
  const h = 1e-5;
  const at = (d: number) => f({ ...g.values, [g.ask]: g.values[g.ask]! + d });
  return (at(h) - at(-h)) / (2 * h);
}

export const backpropTopic: TopicGenerator = {
  id: 'backprop',
  title: t('Backpropagation on a computation graph', 'Обратное распространение на графе вычислений'),
  generate,
  verify(d) {
    if (!d.graph || d.answer.kind !== 'number') return false;
    const key = d.answer.value;
    const fd = finiteDifference(d.graph);
    // the full expression must give the same output as the graph shown
    const fullValue = compileExpression(d.graph.full.expression)(d.graph.full.values);
    const graphOut = d.picture?.kind === 'graph' ? d.picture.graph.nodes[d.picture.graph.output]?.value : undefined;
    return Math.abs(fd - key) <= 1e-5 * Math.max(1, Math.abs(key)) && graphOut !== undefined && Math.abs(fullValue - graphOut) <= 1e-9 * Math.max(1, Math.abs(graphOut));
  },
};
