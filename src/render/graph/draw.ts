/**
 * Draws a computation graph with canvas, as on the lecture's slides: one box per node,
 * edges left to right, each node's forward value in green above its outgoing line and its
 * gradient in red below it. Geometry comes from ./layout.ts; this file only paints.
 */
import { createCanvas, type CanvasRenderingContext2D } from 'canvas';
import type { Lang } from '../../core/errors.js';
import type { GraphExport } from '../../core/scalar/graph-types.js';
import { ensureFonts, font } from '../fonts.js';
import { encodePng } from '../png.js';
import type { GraphPictureOptions } from '../types.js';
import { formatNumber, layoutGraph, nodeText, type GraphLayout, type PlacedNode } from './layout.js';

/** Dark enough on white for a phone screen in daylight (WCAG contrast > 4.5). */
export const GRAPH_COLOURS = {
  value: '#1b7a2f',
  grad: '#c0282d',
  edge: '#4a4f57',
  box: '#1f2a44',
  opFill: '#eef3fb',
  varFill: '#fff6dc',
  constFill: '#f1f1f1',
  highlightFill: '#ffe98a',
  highlightStroke: '#e07000',
} as const;

const TEXT = {
  value: { en: 'value (forward)', ru: 'значение (прямой проход)' },
  grad: { en: 'gradient (backward)', ru: 'градиент (обратный проход)' },
} as const;

type Ctx = CanvasRenderingContext2D;

function roundedRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

function arrowHead(ctx: Ctx, x: number, y: number, angle: number, size: number): void {
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x - size * Math.cos(angle - 0.45), y - size * Math.sin(angle - 0.45));
  ctx.lineTo(x - size * Math.cos(angle + 0.45), y - size * Math.sin(angle + 0.45));
  ctx.closePath();
  ctx.fill();
}

/** An edge as horizontal-tangent cubic curves through its points, with an arrowhead. */
function drawEdge(ctx: Ctx, points: Array<{ x: number; y: number }>): void {
  ctx.strokeStyle = GRAPH_COLOURS.edge;
  ctx.fillStyle = GRAPH_COLOURS.edge;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  const first = points[0]!;
  ctx.moveTo(first.x, first.y);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const mid = (a.x + b.x) / 2;
    ctx.bezierCurveTo(mid, a.y, mid, b.y, b.x - (i === points.length - 1 ? 8 : 0), b.y);
  }
  ctx.stroke();
  const last = points[points.length - 1]!;
  arrowHead(ctx, last.x, last.y, 0, 13);
}

function drawBox(ctx: Ctx, p: PlacedNode, text: string, op: string, highlighted: boolean, m: GraphLayout['metrics']): void {
  const fill = highlighted
    ? GRAPH_COLOURS.highlightFill
    : op === 'var'
      ? GRAPH_COLOURS.varFill
      : op === 'const'
        ? GRAPH_COLOURS.constFill
        : GRAPH_COLOURS.opFill;
  roundedRect(ctx, p.x - p.w / 2, p.y - p.h / 2, p.w, p.h, 12);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = highlighted ? 5 : 2.5;
  ctx.strokeStyle = highlighted ? GRAPH_COLOURS.highlightStroke : GRAPH_COLOURS.box;
  ctx.stroke();
  ctx.fillStyle = '#111';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = font(m.boxFont, true);
  ctx.fillText(text, p.x, p.y + 1);
}

/** Size of the name tag above a box: readable at phone width, small enough for the row gap. */
const TAG_FONT = 17;
const TAG_H = 24;

/** A name tag: bold text in a white rounded frame, just above the box, centred on it. */
function drawTag(ctx: Ctx, text: string, p: PlacedNode): void {
  ctx.font = font(TAG_FONT, true);
  const w = Math.max(TAG_H, ctx.measureText(text).width + 14);
  const bottom = p.y - p.h / 2 - 4;
  roundedRect(ctx, p.x - w / 2, bottom - TAG_H, w, TAG_H, 7);
  ctx.fillStyle = '#ffffff';
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = GRAPH_COLOURS.box;
  ctx.stroke();
  ctx.fillStyle = GRAPH_COLOURS.box;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(text, p.x, bottom - TAG_H / 2 + 1);
}

/** Heights of the optional caption above and the colour key below the graph. */
const CAPTION_H = 40;
const KEY_H = 40;

/** Draws the graph; resolves to PNG bytes. The size follows the layout. */
export function drawGraph(graph: GraphExport, options: GraphPictureOptions = {}, lang: Lang = 'en'): Promise<Uint8Array> {
  ensureFonts();
  const layout = layoutGraph(graph);
  const m = layout.metrics;
  const showValues = options.showValues ?? true;
  const showGrads = options.showGrads ?? true;
  const hidden = new Set(options.hiddenGrads ?? []);
  const known = options.knownGrads ? new Set(options.knownGrads) : null;
  const top = options.caption ? CAPTION_H : 0;
  const keyH = showValues || showGrads ? KEY_H : 0;
  // Wide enough for the colour key (bold DejaVu is ~0.66 em per glyph on average).
  const keyW = 2 * m.padding + 96 + (TEXT.value[lang].length + TEXT.grad[lang].length) * 17 * 0.66;
  const width = Math.ceil(Math.max(keyW, layout.width));
  const height = Math.ceil(layout.height) + top + keyH;

  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  if (options.caption) {
    ctx.fillStyle = '#111';
    ctx.font = font(20, true);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    ctx.fillText(options.caption, m.padding, CAPTION_H / 2 + 4);
  }
  ctx.translate(0, top);

  for (const e of layout.edges) drawEdge(ctx, e.points);

  for (const p of layout.nodes) {
    const node = graph.nodes[p.id]!;
    // The trunk: the node's output line, which carries its value and gradient.
    const x0 = p.x + p.w / 2;
    ctx.strokeStyle = GRAPH_COLOURS.edge;
    ctx.fillStyle = GRAPH_COLOURS.edge;
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    ctx.moveTo(x0, p.y);
    ctx.lineTo(p.trunkEnd, p.y);
    ctx.stroke();
    if (p.id === graph.output) arrowHead(ctx, p.trunkEnd, p.y, 0, 13);

    const mid = (x0 + p.trunkEnd) / 2;
    ctx.textAlign = 'center';
    ctx.font = font(m.labelFont, true);
    if (showValues) {
      ctx.fillStyle = GRAPH_COLOURS.value;
      ctx.textBaseline = 'bottom';
      ctx.fillText(formatNumber(node.value, lang), mid, p.y - 5);
    }
    if (showGrads) {
      const shown = !hidden.has(p.id) && (known === null || known.has(p.id));
      ctx.fillStyle = GRAPH_COLOURS.grad;
      ctx.textBaseline = 'top';
      ctx.fillText(shown ? formatNumber(node.grad, lang) : '?', mid, p.y + 5);
    }
  }
  const tags = new Map((options.nodeTags ?? []).map((tag) => [tag.node, tag.text]));
  for (const p of layout.nodes) {
    const node = graph.nodes[p.id]!;
    // The layout measured the English text; the Russian one (decimal comma) is as long.
    drawBox(ctx, p, nodeText(node, lang), node.op, options.highlight === p.id, m);
    // A name for an intermediate result ("u", "q", or a label such as "z" from the expression)
    // sits in a tag above its box, so a text can say "node q" and the student finds it here.
    // Variables already show their name in the box.
    const tag = tags.get(p.id) ?? (node.op !== 'var' ? node.label : undefined);
    if (tag) drawTag(ctx, tag, p);
  }

  if (keyH > 0) {
    ctx.font = font(17, true);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const y = layout.height + keyH / 2 - 6;
    let x = m.padding;
    const key = (colour: string, text: string) => {
      ctx.fillStyle = colour;
      ctx.fillRect(x, y - 7, 14, 14);
      ctx.fillText(text, x + 20, y);
      x += 20 + ctx.measureText(text).width + 28;
    };
    if (showValues) key(GRAPH_COLOURS.value, TEXT.value[lang]);
    if (showGrads) key(GRAPH_COLOURS.grad, TEXT.grad[lang]);
  }
  return encodePng(canvas.toBuffer('raw'), width, height, canvas.stride);
}
