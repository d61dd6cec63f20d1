/**
 * Layout of a computation-graph picture, pure geometry (no canvas): layers left to right,
 * boxes that never overlap, edges routed around the columns they skip.
 *
 * The steps are the classic layered (Sugiyama) recipe, kept small:
 * 1. layer: the output is rightmost and every other node sits one column left of its
 *    nearest user, so inputs such as the bias `b` appear right before they are used;
 * 2. an edge that skips columns gets invisible waypoints in the columns between, so it
 *    passes between boxes instead of through them;
 * 3. order within a column by the average position of the neighbours (a few sweeps), which
 *    untangles most crossings;
 * 4. y: each column is pulled toward its neighbours, then pushed apart to the minimum gap.
 */
import type { Lang } from '../../core/errors.js';
import type { GraphExport, GraphNode } from '../../core/scalar/graph-types.js';
import { LIMITS, renderMsg } from '../messages.js';
import { localizeNumberText } from '../numbers.js';

/** Sizes in pixels; the defaults read well when a chat shrinks the picture to phone width. */
export interface LayoutMetrics {
  /** Font size of the box text. */
  boxFont: number;
  /** Font size of the value/gradient labels. */
  labelFont: number;
  boxHeight: number;
  minBoxWidth: number;
  /** Vertical gap between boxes of one column. */
  rowGap: number;
  /** Space after a trunk before the next column (where edges bend). */
  bendSpace: number;
  padding: number;
  /** Average glyph width as a fraction of the font size (DejaVu Sans: ~0.6). */
  charWidth: number;
}

export const DEFAULT_METRICS: LayoutMetrics = {
  boxFont: 24,
  labelFont: 19,
  boxHeight: 54,
  minBoxWidth: 64,
  rowGap: 62,
  bendSpace: 56,
  padding: 28,
  charWidth: 0.62,
};

/** A placed node: (x, y) is the centre of its box. */
export interface PlacedNode {
  id: number;
  layer: number;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The text in the box (op symbol, variable name or constant). */
  text: string;
  /** The trunk: a short horizontal line right of the box carrying its value and gradient. */
  trunkEnd: number;
}

/** An edge from `from`'s trunk to input slot `slot` of `to`, through `points`. */
export interface PlacedEdge {
  from: number;
  to: number;
  slot: number;
  /** Start (trunk end), waypoints, end (the target box's left side). */
  points: Array<{ x: number; y: number }>;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Edge crossings left after ordering (0 for trees such as a single neuron). */
  crossings: number;
  width: number;
  height: number;
  metrics: LayoutMetrics;
}

/** Short symbols for the ops; anything else (activation ids, exp, log...) is shown by name. */
const OP_SYMBOLS: Record<string, string> = { add: '+', sub: '−', mul: '×', div: '÷', neg: '−', pow: '^' };

/**
 * Numbers on the picture: at most 4 significant digits, no float noise, a real minus; in
 * Russian with a decimal comma (−0,1966). The layout measures the English form: both have
 * the same number of characters.
 */
export function formatNumber(v: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s = a >= 1e5 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(4)));
  return lang === 'ru' ? localizeNumberText(s, lang) : s.replace('-', '−');
}

/** The text inside a node's box. */
export function nodeText(n: GraphNode, lang: Lang = 'en'): string {
  if (n.op === 'var') return n.label ?? 'x';
  if (n.op === 'const') return formatNumber(n.value, lang);
  if (n.op === 'pow' && n.param !== undefined) return `^${formatNumber(n.param, lang)}`;
  return OP_SYMBOLS[n.op] ?? n.op;
}

/** Checks ids and references; throws a UserInputError for a graph that cannot be drawn. */
export function checkGraph(graph: GraphExport): void {
  if (graph.nodes.length === 0) throw renderMsg.error('graph_empty');
  if (graph.nodes.length > LIMITS.maxGraphNodes) throw renderMsg.error('graph_too_large', { count: graph.nodes.length, max: LIMITS.maxGraphNodes });
  graph.nodes.forEach((n, i) => {
    for (const input of n.inputs) {
      if (!Number.isInteger(input) || input < 0 || input >= i || graph.nodes[input]?.id !== input) {
        throw renderMsg.error('graph_bad_node', { id: n.id, input });
      }
    }
  });
}

/** Text width estimate (the layout is pure; the drawing measures nothing it depends on). */
function textWidth(text: string, size: number, m: LayoutMetrics): number {
  return Array.from(text).length * size * m.charWidth;
}

/** Widest value/gradient label a node's trunk must carry. */
function labelWidth(n: GraphNode, m: LayoutMetrics): number {
  const longest = Math.max(formatNumber(n.value).length, formatNumber(n.grad).length, 2);
  return longest * m.labelFont * m.charWidth;
}

interface Slot {
  /** A node id, or -1 for an edge waypoint. */
  node: number;
  height: number;
  /** Neighbours to the left / right as slot keys, for ordering and alignment. */
  left: Slot[];
  right: Slot[];
  order: number;
  y: number;
}

/** Lays out a graph (ids 0..n-1 in topological order, as `exportGraph` gives them). */
export function layoutGraph(graph: GraphExport, metrics: Partial<LayoutMetrics> = {}): GraphLayout {
  checkGraph(graph);
  const m: LayoutMetrics = { ...DEFAULT_METRICS, ...metrics };
  const nodes = graph.nodes;
  const n = nodes.length;
  const users: number[][] = nodes.map(() => []);
  nodes.forEach((node) => node.inputs.forEach((i) => users[i]!.push(node.id)));

  // 1. Layers. Longest path from the leaves gives the number of columns; then, from the
  //    output backwards, each node moves right to just before its nearest user.
  const depth = new Array<number>(n).fill(0);
  for (const node of nodes) for (const i of node.inputs) depth[node.id] = Math.max(depth[node.id]!, depth[i]! + 1);
  const layer = [...depth];
  for (let id = n - 1; id >= 0; id--) {
    const us = users[id]!;
    if (us.length > 0) layer[id] = Math.min(...us.map((u) => layer[u]!)) - 1;
  }
  const minLayer = Math.min(...layer);
  for (let id = 0; id < n; id++) layer[id] = layer[id]! - minLayer;
  const layers = Math.max(...layer) + 1;

  // 2. Slots: one per node, plus one waypoint per skipped column of each long edge.
  const columns: Slot[][] = Array.from({ length: layers }, () => []);
  const slotOf: Slot[] = nodes.map((node) => {
    const s: Slot = { node: node.id, height: m.boxHeight, left: [], right: [], order: 0, y: 0 };
    columns[layer[node.id]!]!.push(s);
    return s;
  });
  const edgePaths: Array<{ from: number; to: number; slot: number; via: Slot[] }> = [];
  for (const node of nodes) {
    node.inputs.forEach((input, slot) => {
      const via: Slot[] = [];
      let prev = slotOf[input]!;
      for (let l = layer[input]! + 1; l < layer[node.id]!; l++) {
        // Waypoints are thin but keep a lane's worth of space so edges do not touch boxes.
        const w: Slot = { node: -1, height: 8, left: [prev], right: [], order: 0, y: 0 };
        prev.right.push(w);
        columns[l]!.push(w);
        via.push(w);
        prev = w;
      }
      const target = slotOf[node.id]!;
      prev.right.push(target);
      target.left.push(prev);
      edgePaths.push({ from: input, to: node.id, slot, via });
    });
  }

  // 3. Order within columns. An edge ends at one of its target's input ports (a - b: a on
  //    the upper port), so positions count the port: order + a fraction.
  const renumber = (col: Slot[]) => col.forEach((s, i) => (s.order = i));
  columns.forEach(renumber);
  const portPos = (u: Slot, v: Slot) => {
    let sum = 0;
    let n = 0;
    v.left.forEach((w, k) => {
      if (w === u) {
        sum += v.order + (k + 1) / (v.left.length + 1) - 0.5;
        n++;
      }
    });
    return n ? sum / n : v.order;
  };
  /** Edge crossings between column l and l + 1. */
  const crossings = (l: number) => {
    const edges = (columns[l + 1] ?? []).flatMap((v) => v.left.map((u, k) => [u.order, v.order + (k + 1) / (v.left.length + 1)] as const));
    let c = 0;
    for (let i = 0; i < edges.length; i++) {
      for (let j = i + 1; j < edges.length; j++) {
        if ((edges[i]![0] - edges[j]![0]) * (edges[i]![1] - edges[j]![1]) < 0) c++;
      }
    }
    return c;
  };
  const total = () => columns.reduce((a, _, l) => a + crossings(l), 0);
  const snapshot = () => columns.map((col) => [...col]);
  let best = snapshot();
  let bestCrossings = total();
  const keepIfBetter = () => {
    const c = total();
    if (c < bestCrossings) {
      bestCrossings = c;
      best = snapshot();
    }
  };
  // Barycentre sweeps, right to left (toward the output) then left to right.
  const baryRight = (s: Slot) => (s.right.length ? s.right.reduce((a, v) => a + portPos(s, v), 0) / s.right.length : s.order);
  const baryLeft = (s: Slot) => (s.left.length ? s.left.reduce((a, u) => a + u.order, 0) / s.left.length : s.order);
  for (let sweep = 0; sweep < 4 && bestCrossings > 0; sweep++) {
    for (let l = layers - 2; l >= 0; l--) {
      columns[l]!.sort((a, b) => baryRight(a) - baryRight(b) || a.order - b.order);
      renumber(columns[l]!);
    }
    keepIfBetter();
    for (let l = 1; l < layers; l++) {
      columns[l]!.sort((a, b) => baryLeft(a) - baryLeft(b) || a.order - b.order);
      renumber(columns[l]!);
    }
    keepIfBetter();
  }
  best.forEach((col, l) => {
    columns[l] = col;
    renumber(col);
  });
  // Then swap neighbours while that removes crossings (the "transpose" step).
  for (let improved = true, rounds = 0; improved && rounds < 10; rounds++) {
    improved = false;
    for (let l = 0; l < layers; l++) {
      const col = columns[l]!;
      for (let i = 0; i + 1 < col.length; i++) {
        const before = crossings(l - 1) + crossings(l);
        [col[i], col[i + 1]] = [col[i + 1]!, col[i]!];
        renumber(col);
        if (crossings(l - 1) + crossings(l) < before) improved = true;
        else {
          [col[i], col[i + 1]] = [col[i + 1]!, col[i]!];
          renumber(col);
        }
      }
    }
  }

  // 4. y positions: initial stacking, then a few rounds of "move toward the neighbours,
  //    keep the minimum gap".
  const gapBetween = (a: Slot, b: Slot) => (a.height + b.height) / 2 + (a.node < 0 || b.node < 0 ? m.rowGap / 2 : m.rowGap);
  const stack = (col: Slot[], wanted: number[]) => {
    // Forward pass pushes down, backward pass pulls up; then centre the block on the wish.
    const ys = [...wanted];
    for (let i = 1; i < col.length; i++) ys[i] = Math.max(ys[i]!, ys[i - 1]! + gapBetween(col[i - 1]!, col[i]!));
    const shift = wanted.reduce((a, w, i) => a + w - ys[i]!, 0) / Math.max(col.length, 1);
    col.forEach((s, i) => (s.y = ys[i]! + shift));
  };
  columns.forEach((col) => stack(col, col.map((_, i) => i * (m.boxHeight + m.rowGap))));
  const mean = (ss: Slot[], fallback: number) => (ss.length ? ss.reduce((a, s) => a + s.y, 0) / ss.length : fallback);
  for (let round = 0; round < 6; round++) {
    for (let l = layers - 2; l >= 0; l--) stack(columns[l]!, columns[l]!.map((s) => mean(s.right, s.y)));
    for (let l = 1; l < layers; l++) stack(columns[l]!, columns[l]!.map((s) => (mean(s.left, s.y) + s.y) / 2));
  }

  // x positions: column width = widest box + its trunk (which carries the labels).
  const boxW = nodes.map((node) => Math.max(m.minBoxWidth, textWidth(nodeText(node), m.boxFont, m) + 28));
  const trunkW = nodes.map((node) => Math.max(56, labelWidth(node, m) + 18));
  const colBox = columns.map((col) => Math.max(0, ...col.filter((s) => s.node >= 0).map((s) => boxW[s.node]!)));
  const colTrunk = columns.map((col) => Math.max(0, ...col.filter((s) => s.node >= 0).map((s) => trunkW[s.node]!)));
  const colX: number[] = [];
  let x = m.padding;
  for (let l = 0; l < layers; l++) {
    colX.push(x + colBox[l]! / 2);
    x += colBox[l]! + colTrunk[l]! + m.bendSpace;
  }
  const width = Math.ceil(x - m.bendSpace + m.padding);

  // Shift everything so the top label (value text above the highest trunk) is inside.
  const all = columns.flat();
  const top = Math.min(...all.map((s) => s.y - s.height / 2));
  const bottom = Math.max(...all.map((s) => s.y + s.height / 2));
  const dy = m.padding + m.labelFont * 1.2 - top;
  const height = Math.ceil(bottom - top + 2 * m.padding + 2 * m.labelFont * 1.2);

  const placed: PlacedNode[] = nodes.map((node) => {
    const s = slotOf[node.id]!;
    const l = layer[node.id]!;
    const cx = colX[l]!;
    return {
      id: node.id,
      layer: l,
      x: cx,
      y: s.y + dy,
      w: boxW[node.id]!,
      h: m.boxHeight,
      text: nodeText(node),
      trunkEnd: cx + colBox[l]! / 2 + colTrunk[l]!,
    };
  });
  const edges: PlacedEdge[] = edgePaths.map(({ from, to, slot, via }) => {
    const src = placed[from]!;
    const dst = placed[to]!;
    const k = nodes[to]!.inputs.length;
    const portY = dst.y + (k > 1 ? (slot - (k - 1) / 2) * (dst.h / (k + 0.5)) : 0);
    return {
      from,
      to,
      slot,
      points: [
        { x: src.trunkEnd, y: src.y },
        ...via.map((w) => {
          const l = columns.findIndex((c) => c.includes(w));
          return { x: colX[l]!, y: w.y + dy };
        }),
        { x: dst.x - dst.w / 2, y: portY },
      ],
    };
  });
  return { nodes: placed, edges, crossings: total(), width, height, metrics: m };
}
