/**
 * A trained model as one plain-data document (weights + preprocessing + what it predicts),
 * saved by `gradbot train --save` and used by `gradbot predict` and the bot.
 */
import { z } from 'zod';
import { isUserInputError } from '../core/errors.js';
import { Mlp, type SerializedMlp } from '../core/nn/index.js';
import { Matrix } from '../core/tensor/matrix.js';
import { Preprocessor, type PreprocessorJSON } from '../data/encode.js';
import type { FeatureValue } from '../data/columns.js';
import type { TargetInfo } from '../data/target.js';
import { trainMsg } from './messages.js';

/** The model file. */
export interface SavedModel {
  format: 'gradbot.model';
  version: 1;
  target: TargetInfo;
  mlp: SerializedMlp;
  preprocessor: PreprocessorJSON;
  /** Regression: the network predicts (y − mean) / std; predictions are scaled back. */
  yScale?: { mean: number; std: number };
}

/** One prediction: a class (with every class's probability) or a number. */
export interface Prediction {
  task: TargetInfo['kind'];
  prediction: string | number;
  /** Classification: probability of each class, in the model's class order. */
  probabilities?: Array<{ label: string; p: number }>;
}

const schema = z.object({
  format: z.literal('gradbot.model'),
  version: z.literal(1),
  target: z.object({
    name: z.string(),
    kind: z.enum(['classification', 'regression']),
    classes: z.array(z.string()).optional(),
  }),
  mlp: z.unknown(),
  preprocessor: z.unknown(),
  yScale: z.object({ mean: z.number(), std: z.number().positive() }).optional(),
});

/** A model ready to predict. */
export class TrainedModel {
  constructor(
    readonly mlp: Mlp,
    readonly preprocessor: Preprocessor,
    readonly target: TargetInfo,
    readonly yScale?: { mean: number; std: number },
  ) {}

  /** Reads a model file's JSON; anything wrong is a UserInputError (`train.bad_model`). */
  static fromJSON(json: unknown): TrainedModel {
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw trainMsg.error('bad_model', { detail: issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'invalid' });
    }
    const d = parsed.data;
    try {
      const mlp = Mlp.fromJSON(d.mlp);
      const pre = Preprocessor.fromJSON(d.preprocessor);
      const outputs = d.target.kind === 'classification' ? (d.target.classes?.length ?? 0) : 1;
      if (mlp.config.inputs !== pre.width || mlp.config.outputs !== outputs) {
        throw trainMsg.error('bad_model', { detail: 'the network does not match its preprocessing or classes' });
      }
      return new TrainedModel(mlp, pre, d.target as TargetInfo, d.yScale);
    } catch (e) {
      if (isUserInputError(e) && e.code === 'train.bad_model') throw e;
      throw trainMsg.error('bad_model', { detail: e instanceof Error ? e.message : String(e) });
    }
  }

  /** The model file's contents. */
  toJSON(): SavedModel {
    const m: SavedModel = {
      format: 'gradbot.model',
      version: 1,
      target: this.target,
      mlp: this.mlp.toJSON(),
      preprocessor: this.preprocessor.toJSON(),
    };
    if (this.yScale) m.yScale = this.yScale;
    return m;
  }

  /** Network outputs for cleaned feature rows: class probabilities (n × k) or values (n). */
  outputs(rows: ReadonlyArray<readonly FeatureValue[]>): Matrix<Float32Array> {
    const enc = this.preprocessor.transform(rows);
    const X = new Matrix(enc.rows, enc.width, enc.data);
    if (this.target.kind === 'classification') return this.mlp.predictProba(X, 'softmax');
    const z = this.mlp.forward(X);
    const s = this.yScale ?? { mean: 0, std: 1 };
    for (let i = 0; i < z.data.length; i++) z.data[i] = (z.data[i] as number) * s.std + s.mean;
    return z;
  }

  /** Predicts from one line typed by a student: "5.1, 3.5, 1.4, 0.2". */
  predictLine(line: string): Prediction {
    const row = this.preprocessor.parseRow(line);
    const out = this.outputs([row]);
    if (this.target.kind === 'regression') return { task: 'regression', prediction: out.data[0] as number };
    const classes = this.target.classes ?? [];
    const probabilities = classes.map((label, c) => ({ label, p: out.data[c] as number }));
    let best = 0;
    probabilities.forEach((p, c) => {
      if (p.p > (probabilities[best]?.p ?? -1)) best = c;
    });
    return { task: 'classification', prediction: classes[best] ?? '', probabilities };
  }
}
