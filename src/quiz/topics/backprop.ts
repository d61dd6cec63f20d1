/**
 * `backprop`: a computation graph in the lecture's style with its forward values; the student
 * gives one partial derivative (of an input or of an intermediate node u). The worked solution
 * walks the backward pass step by step, each with the gate rule it applies and the graph after
 * that step. The key comes from the core's backward pass and is checked against central
 * finite differences of the expression before the question is shown.
 */
import { compileExpression } from '../expression-check.js';
import { backwardSteps, exportGraph, exportGraphAfterSteps, type BackwardStep, type GraphExport, type GraphNode, type Value } from '../../core/scalar/index.js';
import type { Lang, LocalizedText } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import type { Difficulty, GraphAsk, QuestionDraft, QuestionPicture, SolutionStep, TopicGenerator } from '../types.js';
import { gradingFor, numberAnswer, precisionText, signature, type WrongOption } from '../build.js';
import { t, tn, type NumberStyle } from '../format.js';
import { TreeBuilder, graphSize, lectureModel, onGridOf, opNodes, toSource, toValue, treeGradient, treeGradients, variablesOutside, type OpNode, type TreeNode, type VarNode } from './backprop-tree.js';

/** Total graph nodes (inputs, constants and ops) per difficulty, as in issue 5: 3 to 10. */
const NODE_RANGE: Record<Difficulty, [number, number]> = { 1: [3, 5], 2: [5, 8], 3: [8, 10] };
const OP_RANGE: Record<Difficulty, [number, number]> = { 1: [1, 2], 2: [2, 4], 3: [4, 6] };

/** Name of the asked intermediate node in texts and in the `graph.expression`. */
const U = 'u';

/** The gate rules in the lecture's words ("add distributes", «умножение меняет множители местами»). */
const RULES: Record<string, LocalizedText> = {
  add: t('add distributes: each input gets the upstream gradient (local derivative 1)', 'сложение распределяет: каждый вход получает входящий градиент (локальная производная 1)'),
  mul: t('mul swaps the multipliers: each input gets the upstream gradient × the other input', 'умножение меняет множители местами: каждый вход получает входящий градиент × другой вход'),
  div: t('div: ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²', 'деление: ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b²'),
  max: t('max routes: the whole gradient goes to the larger input, the other gets 0', 'максимум направляет: весь градиент идёт большему входу, другой получает 0'),
  exp: t('exp: the local derivative e^a is the output itself', 'экспонента: локальная производная e^a равна самому выходу'),
  log: t('log: the local derivative is 1/a', 'логарифм: локальная производная равна 1/a'),
  sigmoid: t('sigmoid: the local derivative is σ(1 − σ)', 'сигмоида: локальная производная равна σ(1 − σ)'),
  tanh: t('tanh: the local derivative is 1 − tanh²', 'гиперболический тангенс: локальная производная равна 1 − tanh²'),
  relu: t('relu: passes the gradient when its input is positive, else 0', 'ReLU: пропускает градиент при положительном входе, иначе даёт 0'),
  pow: t('pow: the local derivative is k·a^(k−1)', 'степень: локальная производная равна k·a^(k−1)'),
  copy: t('copy adds: a value used several times gets the sum of the gradients of all its uses', 'копирование складывает: значение, использованное несколько раз, получает сумму градиентов от всех использований'),
};

/** Op names as the texts say them (the picture draws the symbols). */
const OP_NAMES: Record<string, LocalizedText> = {
  add: t('add', 'сложение'),
  mul: t('mul', 'умножение'),
  div: t('div', 'деление'),
  max: t('max', 'максимум'),
  exp: t('exp', 'экспонента'),
  log: t('log', 'логарифм'),
  sigmoid: t('sigmoid', 'сигмоида'),
  tanh: t('tanh', 'tanh'),
  relu: t('relu', 'ReLU'),
  pow: t('pow', 'степень'),
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

function nodeName(n: GraphNode, names: NodeNames, f: NumberStyle): string {
  if (n.op === 'var' && n.label !== undefined) return n.label;
  if (n.op === 'const') return f.n(n.value);
  return names.get(n.id) ?? n.label ?? `#${n.id}`;
}

/** The tags a graph picture shows: one per named op node. */
function nodeTags(names: NodeNames): Array<{ node: number; text: string }> {
  return [...names].map(([node, text]) => ({ node, text }));
}

function opName(op: string, lang: Lang): string {
  return OP_NAMES[op]?.[lang] ?? op;
}

/** "q (mul, value 6)" / "q (умножение, значение 6)": a node with its op and forward value. */
function nodeInfo(n: GraphNode, names: NodeNames, f: NumberStyle): string {
  const name = nodeName(n, names, f);
  if (n.op === 'var' || n.op === 'const') return name;
  return f.lang === 'en' ? `${name} (${opName(n.op, 'en')}, value ${f.n(n.value)})` : `${name} (${opName(n.op, 'ru')}, значение ${f.n(n.value)})`;
}

/** "node q (mul, value 6)" / "узел q (умножение, значение 6)". */
function describeNode(n: GraphNode, names: NodeNames, f: NumberStyle): string {
  if (n.op === 'var' || n.op === 'const') return nodeName(n, names, f);
  return `${f.lang === 'en' ? 'node' : 'узел'} ${nodeInfo(n, names, f)}`;
}

/**
 * One backward step as on the lecture's slides: the node's upstream gradient ∂f/∂node, its
 * gate rule, and upstream × local derivative = what each input receives.
 */
function stepText(step: BackwardStep, graph: GraphExport, names: NodeNames): LocalizedText {
  const node = graph.nodes[step.node]!;
  if (step.rule === 'copy') {
    return tn((f) => {
      const parts = (step.sum ?? []).map((s, i) => (i === 0 ? f.n(s.grad) : f.factor(s.grad))).join(' + ');
      const uses = (step.sum ?? []).length;
      const name = nodeName(node, names, f);
      return [
        `${name} is used ${f.count(uses, 'time')} (copy adds): ∂f/∂${name} = ${parts} = ${f.n(step.upstream)}.`,
        `${name} используется ${f.count(uses, 'time')} (копирование складывает): ∂f/∂${name} = ${parts} = ${f.n(step.upstream)}.`,
      ];
    });
  }
  const rule = RULES[step.rule] ?? t(`${step.rule}: local derivative`, `${step.rule}: локальная производная`);
  return tn((f) => {
    const name = nodeName(node, names, f);
    const sent = step.contributions
      .filter((c) => graph.nodes[c.input]!.op !== 'const')
      .map((c) => {
        const input = nodeName(graph.nodes[c.input]!, names, f);
        const product = `∂f/∂${name}·∂${name}/∂${input} = ${f.factor(step.upstream)}·${f.factor(c.local)} = ${f.n(c.added)}`;
        return `${input} ${f.lang === 'en' ? 'gets' : 'получает'} ${product}`;
      })
      .join('; ');
    // a gate whose inputs are all constants has no gradient to pass on
    const sends = sent === '' ? (f.lang === 'en' ? 'Its inputs are constants: nothing to send.' : 'Его входы — константы, передавать градиент некому.') : f.lang === 'en' ? `To the inputs: ${sent}.` : `Входам: ${sent}.`;
    return [
      `${capital(describeNode(node, names, f))}: ∂f/∂${name} = ${f.n(step.upstream)}. ${capital(rule.en)}. ${sends}`,
      `${capital(describeNode(node, names, f))}: ∂f/∂${name} = ${f.n(step.upstream)}. ${capital(rule.ru)}. ${sends}`,
    ];
  });
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

function valueText(v: VarNode, f: NumberStyle): string {
  return v.lnOf !== undefined ? `${v.name} = ln ${f.n(v.lnOf)} ${f.eq(v.value)}` : `${v.name} = ${f.n(v.value)}`;
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
  if (difficulty < 3 && rng.bernoulli(difficulty === 2 ? 0.12 : 0)) return lectureModel(rng);
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

/** How many gates lie between a node and the output (the output itself: 0). */
function depths(root: TreeNode): Map<TreeNode, number> {
  const out = new Map<TreeNode, number>();
  const walk = (n: TreeNode, d: number) => {
    out.set(n, Math.max(out.get(n) ?? 0, d));
    if (n.kind === 'op') n.args.forEach((c) => walk(c, d + 1));
  };
  walk(root, 0);
  return out;
}

/**
 * The node to ask about. Deeper nodes are preferred (more gates to apply), and so are nodes
 * whose gradient is not ±1: a key of 1 that an add chain hands down is guessed, not computed.
 */
function pickTarget(rng: Rng, candidates: ReadonlyArray<VarNode | OpNode>, root: TreeNode, difficulty: Difficulty): VarNode | OpNode {
  const grads = treeGradients(root);
  const depth = depths(root);
  const weights = candidates.map((c) => {
    const g = Math.abs(grads.get(c) ?? 0);
    const guessable = g === 1 ? (difficulty === 1 ? 0.3 : 0.05) : g === 0 ? 0.3 : 1;
    return (difficulty === 1 ? 1 : (depth.get(c) ?? 1)) * guessable;
  });
  return candidates[rng.weightedIndex(weights)]!;
}

/** Every path from node `from` up to the output, as lists of node ids (a node used twice by one gate gives two paths). */
export function pathsToOutput(graph: GraphExport, from: number): number[][] {
  const users = new Map<number, number[]>();
  for (const n of graph.nodes) for (const i of n.inputs) users.set(i, [...(users.get(i) ?? []), n.id]);
  const walk = (id: number): number[][] => (id === graph.output ? [[id]] : (users.get(id) ?? []).flatMap((u) => walk(u).map((p) => [id, ...p])));
  return walk(from);
}

function generate(rng: Rng, difficulty: Difficulty): QuestionDraft | null {
  const drawn = draw(rng, difficulty);
  if (!drawn) return null;
  const { root, vars } = drawn;
  const [lo, hi] = NODE_RANGE[difficulty];
  const size = graphSize(root);
  if (size < lo || size > hi || !friendly(root)) return null;
  const inner = opNodes(root).filter((n) => n !== root && onGridOf(n.value, 0.01));
  const varList = [...vars.values()];
  if (varList.length === 0) return null;
  const askInner = difficulty > 1 && inner.length > 0 && rng.bernoulli(difficulty === 2 ? 0.3 : 0.45);
  const target: VarNode | OpNode = pickTarget(rng, askInner ? inner : varList, root, difficulty);
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
  // nor is ±1, which a guess of "1" would get (issue 13: at most 15% at levels 2 and 3)
  if (difficulty > 1 && Math.abs(key) === 1 && rng.bernoulli(0.6)) return null;

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
  solution.push({ text: tn((f) => [`So ∂f/∂${askName} = ${f.exact(key)}.`, `Итак, ∂f/∂${askName} = ${f.exact(key)}.`]) });

  // What typical mistakes give, by the tree's own backward pass with one rule broken.
  const wrongs: Array<WrongOption<number>> = [];
  const received = steps.flatMap((s) => s.contributions.filter((c) => c.input === asked.id).map((c) => ({ from: s.node, added: c.added })));
  if (received.length > 1) {
    for (const r of received) {
      wrongs.push({
        value: r.added,
        tag: 'forgot_copy_sum',
        feedback: tn((f) => [
          `That is what one use sends back; ${askName} is used ${f.count(received.length, 'time')}: add the gradients from every use (copy adds).`,
          `Это градиент только от одного использования, а ${askName} используется ${f.count(received.length, 'time')}: сложите градиенты от всех использований (копирование складывает).`,
        ]),
      });
    }
  }
  const hasOp = (o: string) => opNodes(root).some((n) => n.op === o);
  if (hasOp('max')) wrongs.push({ value: treeGradient(root, target, 'maxSwap'), tag: 'max_wrong_input', feedback: t('The max gate sends the gradient to the LARGER input only.', 'Максимум направляет градиент только БОЛЬШЕМУ входу.') });
  if (hasOp('mul')) wrongs.push({ value: treeGradient(root, target, 'mulOwn'), tag: 'mul_own_input', feedback: t('A mul gate multiplies the upstream gradient by the OTHER input.', 'Умножение меняет множители местами: входящий градиент умножается на ДРУГОЙ вход.') });
  if (hasOp('div')) wrongs.push({ value: treeGradient(root, target, 'divSign'), tag: 'sign_error', feedback: t('∂(a/b)/∂b = −a/b²: mind the minus.', '∂(a/b)/∂b = −a/b²: не забудьте минус.') });
  wrongs.push({ value: treeGradient(root, target, 'noChain'), tag: 'forgot_upstream', feedback: t('That is only the local derivative of the last gate: multiply by the gradient arriving from above (chain rule).', 'Это только локальная производная последнего гейта: умножьте её на градиент, пришедший сверху (правило цепочки).') });
  wrongs.push({ value: -key, tag: 'sign_error', feedback: t('Check the signs along the path.', 'Проверьте знаки на пути от выхода.') });
  wrongs.push({ value: asked.value, tag: 'forward_value_not_gradient', feedback: t(`That is the forward value of ${askName}, not ∂f/∂${askName}.`, `Это значение ${askName} при прямом проходе, а не ∂f/∂${askName}.`) });
  const grading = gradingFor(key);
  const { answer, mistakes } = numberAnswer(key, wrongs, grading);
  const precision = precisionText(grading.precision);

  const paths = pathsToOutput(graph, asked.id);
  const firstUser = steps.find((s) => s.contributions.some((c) => c.input === asked.id));
  const hints: LocalizedText[] = [
    t("Go backwards from the output (its gradient is 1): at each gate, the upstream gradient × the local derivative.", 'Идите от выхода назад (градиент выхода равен 1): на каждом гейте входящий градиент умножается на локальную производную.'),
  ];
  if (paths.length > 1) {
    // a variable used twice: name every path its gradient takes
    hints.push(
      tn((f) => {
        // the same route twice (x + x): once, marked ×2
        const routes = new Map<string, number>();
        for (const p of paths) {
          const route = p.map((id) => nodeName(graph.nodes[id]!, names, f)).join(' → ');
          routes.set(route, (routes.get(route) ?? 0) + 1);
        }
        const list = [...routes].map(([route, n]) => (n > 1 ? `${route} (×${n})` : route)).join('; ');
        return [
          `${askName} is used ${f.count(received.length, 'time')}, so its gradient flows along ${f.count(paths.length, 'path_en')}: ${list}. Follow each one.`,
          `${askName} используется ${f.count(received.length, 'time')}, поэтому градиент приходит к нему по ${f.count(paths.length, 'path')}: ${list}. Пройдите каждый.`,
        ];
      }),
      tn((f) => {
        const parts = received.map((r) => `${f.n(r.added)} (${nodeName(graph.nodes[r.from]!, names, f)})`);
        return [
          `The uses send back ${parts.join(', ')}. ${capital(RULES['copy']!.en)}.`,
          `От использований приходит ${parts.join(f.lang === 'ru' ? '; ' : ', ')}. ${capital(RULES['copy']!.ru)}.`,
        ];
      }),
    );
  } else if (firstUser) {
    hints.push(
      tn((f) => [
        `${askName} receives its gradient from ${describeNode(graph.nodes[firstUser.node]!, names, f)}, whose own gradient is ${f.n(firstUser.upstream)}.`,
        `${askName} получает градиент от узла ${nodeInfo(graph.nodes[firstUser.node]!, names, f)}; градиент этого узла равен ${f.n(firstUser.upstream)}.`,
      ]),
      t(`Rule: ${RULES[firstUser.rule]?.en ?? firstUser.rule}.`, `Правило — ${RULES[firstUser.rule]?.ru ?? firstUser.rule}.`),
    );
  } else {
    hints.push(t('Find the gates that use the asked node.', 'Найдите гейты, которые используют нужный узел.'));
  }

  const graphAsk: GraphAsk = { expression, values, ask: askName, full: { expression: full, values: fullValues } };
  return {
    signature: signature('bp', full, Object.entries(fullValues).map(([k, v]) => `${k}=${v}`), askName, target.kind === 'op' ? toSource(target) : ''),
    text: tn((f) => {
      const given = varList.map((v) => valueText(v, f)).join(f.lang === 'ru' && varList.some((v) => !Number.isInteger(v.value)) ? '; ' : ', ');
      return [
        `The computation graph computes f = ${full} at ${given}; the forward values are on the picture.${target.kind === 'op' ? ` Let ${U} = ${toSource(target)} (the highlighted node tagged ${U}, value ${f.n(target.value)}).` : ''} Find ∂f/∂${askName}.${precision.en}`,
        `Граф вычислений задаёт f = ${full} при ${given}; значения прямого прохода показаны на картинке.${target.kind === 'op' ? ` Пусть ${U} = ${toSource(target)} (выделенный узел с меткой ${U}, его значение ${f.n(target.value)}).` : ''} Найдите ∂f/∂${askName}.${precision.ru}`,
      ];
    }),
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

export const backpropTopic: TopicGenerator<'backprop'> = {
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
