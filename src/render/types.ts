/**
 * Plain-data inputs of every picture gradbot draws. Everything here is JSON-safe (numbers,
 * strings, arrays), so a request can cross into the worker pool unchanged and the training,
 * quiz and bot code can build one without importing any chart or canvas library.
 */
import type { Lang } from '../core/errors.js';
import type { GraphExport } from '../core/scalar/graph-types.js';

/** Picture size in pixels. Default 800x450 (16:9 reads well in a phone chat). */
export interface PictureSize {
  width?: number;
  height?: number;
}

/**
 * Loss curves of one training run, one entry per epoch (index 0 = epoch 1).
 * `accuracy` / `validationAccuracy` are fractions in [0, 1], drawn on a second y-axis.
 */
export interface LossCurveData {
  train: number[];
  validation?: number[];
  accuracy?: number[];
  validationAccuracy?: number[];
  /** Logarithmic loss axis (losses must then be > 0; non-positive points become gaps). */
  logScale?: boolean;
}

/** One labelled sample on the decision-boundary picture. */
export interface BoundaryPoint {
  x: number;
  y: number;
  /** True class index into `classes`. */
  label: number;
  /** Training points are drawn as circles, test points as triangles. */
  split: 'train' | 'test';
}

/**
 * A classifier's prediction over a grid of the plane, TensorFlow-Playground style.
 * The grid is row-major: cell (i, j) is at (xs[j], ys[i]), index `i * xs.length + j`.
 */
export interface DecisionBoundaryData {
  grid: {
    xs: number[];
    ys: number[];
    /** Predicted class index per cell. */
    classes: number[];
    /** Two-class models only: P(class 1) per cell, drawn as a colour gradient. */
    probabilities?: number[];
  };
  points: BoundaryPoint[];
  /** Class names for the legend (at most 8). */
  classes: string[];
  /** Axis titles, e.g. the two feature names. */
  axes?: { x: string; y: string };
}

/** Counts of (actual, predicted) pairs: `counts[actual][predicted]`. */
export interface ConfusionMatrixData {
  labels: string[];
  counts: number[][];
}

/** What to show on a computation-graph picture. */
export interface GraphPictureOptions {
  /** Forward values in green above the edges (default true). */
  showValues?: boolean;
  /** Gradients in red below the edges (default true). */
  showGrads?: boolean;
  /** A node drawn with a thick highlight (e.g. the one a quiz asks about). */
  highlight?: number;
  /** Nodes whose gradient is shown as "?" (the one a quiz asks for). */
  hiddenGrads?: number[];
  /**
   * Step mode: only these nodes' gradients are known so far (others show "?"); see
   * `stepPictureOptions` in ./graph/steps.ts. Absent: every gradient is shown.
   */
  knownGrads?: number[];
  /** A title line above the graph, e.g. "after 3 of 7 backward steps". */
  caption?: string;
  /**
   * Short names shown in a tag above these nodes' boxes (e.g. `{ node: 4, text: 'q' }`), so a
   * text can say "node q" and the student finds it on the picture. A tag replaces the node's
   * own label there. Nodes are graph ids; unknown ids are ignored.
   */
  nodeTags?: NodeTag[];
}

/** A short name drawn above one node of a graph picture. */
export interface NodeTag {
  /** The node's id in the GraphExport. */
  node: number;
  /** A few characters: "u", "q", "#4". */
  text: string;
}

/** One picture request, as plain data: what `renderPicture` and the worker job accept. */
export type RenderRequest =
  | ({
      kind: 'plot';
      /** Activation ids/aliases or expressions in x, e.g. ['relu', 'x^3 - 2*x']. */
      items: string[];
      from?: number;
      to?: number;
      /** Draw f' dashed next to f (default true). */
      derivative?: boolean;
      /**
       * Hide what is drawn (default false): title "f(x) = ?", legend "f(x)" / "f′(x)", no name,
       * id or formula anywhere on the picture. For "which function is this?" questions.
       */
      anonymous?: boolean;
      lang?: Lang;
    } & PictureSize)
  | ({ kind: 'loss'; data: LossCurveData; lang?: Lang } & PictureSize)
  | ({ kind: 'boundary'; data: DecisionBoundaryData; lang?: Lang } & PictureSize)
  | ({ kind: 'confusion'; data: ConfusionMatrixData; lang?: Lang } & PictureSize)
  | ({ kind: 'graph'; graph: GraphExport; options?: GraphPictureOptions; lang?: Lang } & PictureSize);
