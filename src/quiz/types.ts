/**
 * Plain data of a quiz question. A question is produced by a pure generator from
 * (topic, seed, difficulty) and carries everything the bot needs to ask, check and explain
 * it in Russian or English: no functions, no pictures (only picture descriptions).
 */
import type { LocalizedText } from '../core/errors.js';
import type { GraphExport } from '../core/scalar/graph-types.js';
import type { Rng } from '../core/rng.js';
import type { TopicId } from './topics/registry.js';

/** The topic ids of issue 5, in order: derived from the topic list (topics/registry.ts). */
export { TOPIC_IDS, type TopicId } from './topics/registry.js';

/** 1 = warm-up, 2 = lecture level, 3 = exam level. */
export type Difficulty = 1 | 2 | 3;

/**
 * A picture to draw next to the question, as plain data. The shapes are the render module's
 * `RenderRequest` kinds ('graph', 'plot'), so the CLI and the bot pass them on unchanged.
 */
export type QuestionPicture =
  | { kind: 'graph'; graph: GraphExport; options: GraphPictureChoice }
  | {
      kind: 'plot';
      items: string[];
      from: number;
      to: number;
      derivative: boolean;
      /** "Which function is this?": the chart shows f(x) = ? and never the name or formula. */
      anonymous?: boolean;
    };

/** What a graph picture shows (the render module's GraphPictureOptions, as plain data). */
export interface GraphPictureChoice {
  showValues: boolean;
  showGrads: boolean;
  /** The node drawn highlighted (the asked one, or the one whose backward step just ran). */
  highlight?: number;
  /** Worked steps: gradients known so far; the others are drawn as "?". */
  knownGrads?: number[];
  /** Names shown above nodes, the same names the texts use ("node q"). */
  nodeTags?: Array<{ node: number; text: string }>;
}

/**
 * How far an answer may be from the key (see tolerance.ts): `relative` times the key's size,
 * at least `absolute` (float noise only). With `base` (an SGD update's old weight) the error is
 * also measured against the step from it, so the base itself is never right.
 */
export interface Tolerance {
  relative: number;
  absolute: number;
  base?: number;
}

/**
 * The precision a question asks for, stated in its text: the exact value (counts, short exact
 * decimals), or n significant figures (irrational keys: "to 3 significant figures").
 */
export type Precision = { kind: 'exact' } | { kind: 'significant'; digits: number };

/** What a correct answer is and how answers are compared with it. */
export type AnswerSpec =
  | { kind: 'number'; value: number; tolerance: Tolerance; precision?: Precision }
  /** `value` is the index of the correct choice. */
  | { kind: 'choice'; value: number; choices: LocalizedText[] }
  /** `value` is an expression in plain math syntax, compared on `domain` at random points. */
  | { kind: 'expression'; value: string; variables: string[]; domain: { from: number; to: number } };

/**
 * A typical wrong answer and what it reveals. `value` has the answer's kind: a number, a
 * choice index or an expression.
 */
export interface Mistake {
  tag: MisconceptionTag;
  value: number | string;
  feedback: LocalizedText;
}

/** Names of the typical mistakes the quizzes recognise (stored by the bot per student). */
export type MisconceptionTag =
  | 'forgot_inner_derivative'
  | 'outer_at_wrong_point'
  | 'sign_error'
  | 'forgot_copy_sum'
  | 'max_wrong_input'
  | 'mul_own_input'
  | 'forward_value_not_gradient'
  | 'forgot_upstream'
  | 'local_only'
  | 'wrong_property'
  | 'sigmoid_identity'
  | 'logits_not_probabilities'
  | 'argmax_wrong'
  | 'log_base'
  | 'likelihood_vs_log'
  | 'wrong_sign_update'
  | 'no_step'
  | 'lr_too_large'
  | 'bits_not_bytes'
  | 'forgot_bias'
  | 'shape_order'
  | 'layers_collapse'
  | 'off_by_factor'
  | 'wrong_class_probability';

/** One step of a worked solution, optionally with a picture (backprop: graph after the step). */
export interface SolutionStep {
  text: LocalizedText;
  picture?: QuestionPicture;
  /** backprop: the gate rule this step applies ("add", "mul", "copy", ...). */
  rule?: string;
}

/** backprop only: everything needed to recompute the key with `gradbot grad`. */
export interface GraphAsk {
  /** Plain math syntax; an asked intermediate node appears in it as a variable. */
  expression: string;
  values: Record<string, number>;
  /** The variable whose partial derivative is the key. */
  ask: string;
  /** The whole graph's expression and input values (same as `expression` when an input is asked). */
  full: { expression: string; values: Record<string, number> };
}

/** A generated question. Pure data: JSON.stringify-safe. */
export interface Question {
  /** `<topic>:<seed>:<difficulty>`: the same id always regenerates the same question. */
  id: string;
  topic: TopicId;
  seed: number;
  difficulty: Difficulty;
  /**
   * A language-independent fingerprint of the question's content: `<variant>|<param>|...`
   * with the drawn numbers and structure. Two questions with the same signature are the same
   * question (the repeat test counts them); each topic's `verify` reads the parameters back
   * from it to recompute the key by a second path.
   */
  signature: string;
  text: LocalizedText;
  picture?: QuestionPicture;
  answer: AnswerSpec;
  /** Two or three hints, from a nudge to nearly the answer. */
  hints: LocalizedText[];
  solution: SolutionStep[];
  mistakes: Mistake[];
  graph?: GraphAsk;
}

/** What a topic generator returns before the id/seed bookkeeping. */
export type QuestionDraft = Omit<Question, 'id' | 'topic' | 'seed' | 'difficulty'>;

/** One topic: a generator and an independent check of the key it produced. */
export interface TopicGenerator<Id extends string = TopicId> {
  id: Id;
  title: LocalizedText;
  /**
   * Builds a question from the rng. Returns null when the drawn numbers are unfriendly; the
   * caller retries with a derived seed.
   */
  generate(rng: Rng, difficulty: Difficulty): QuestionDraft | null;
  /** Recomputes the key by a second path; false means the draft must not be shown. */
  verify(draft: QuestionDraft): boolean;
}
