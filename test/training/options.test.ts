import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { parseHidden, resolveTrainOptions, TRAIN_DEFAULTS } from '../../src/training/options.js';

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof UserInputError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
}

describe('training options', () => {
  it('parses hidden sizes in the usual spellings', () => {
    expect(parseHidden('32,16')).toEqual([32, 16]);
    expect(parseHidden(' 64 , 32 ')).toEqual([64, 32]);
    expect(parseHidden('64x32')).toEqual([64, 32]);
    expect(parseHidden('8')).toEqual([8]);
    expect(parseHidden('none')).toEqual([]);
  });

  it('refuses malformed hidden sizes with a message in both languages', () => {
    for (const bad of ['3,x', '32,,16', '-4', '1.5', '5000', '1,1,1,1,1,1,1,1,1']) expect(codeOf(() => parseHidden(bad))).toBe('train.bad_hidden');
    try {
      parseHidden('3,x');
    } catch (e) {
      expect((e as UserInputError).render('ru')).toContain('«3,x»');
    }
  });

  it('fills defaults and keeps given values', () => {
    const r = resolveTrainOptions({ lr: 0.1, hidden: [5] });
    expect(r.lr).toBe(0.1);
    expect(r.hidden).toEqual([5]);
    expect(r.epochs).toBe(TRAIN_DEFAULTS.epochs);
    expect(r.optimizer).toBe('adam');
    // Activation aliases become the registry id.
    expect(resolveTrainOptions({ activation: 'Leaky ReLU' }).activation).toBe('leaky_relu');
  });

  it('names the bad option', () => {
    expect(codeOf(() => resolveTrainOptions({ lr: 0 }))).toBe('train.bad_number');
    expect(codeOf(() => resolveTrainOptions({ epochs: 2.5 }))).toBe('train.bad_number');
    expect(codeOf(() => resolveTrainOptions({ batch: 0 }))).toBe('train.bad_number');
    expect(codeOf(() => resolveTrainOptions({ weightDecay: -1 }))).toBe('train.bad_number');
    expect(codeOf(() => resolveTrainOptions({ task: 'clustering' as 'regression' }))).toBe('train.bad_task');
    expect(codeOf(() => resolveTrainOptions({ optimizer: 'lbfgs' as 'adam' }))).toBe('nn.bad_optimizer');
    expect(codeOf(() => resolveTrainOptions({ activation: 'relux' }))).toMatch(/^activation\./);
    const e = (() => {
      try {
        resolveTrainOptions({ epochs: -3 });
      } catch (err) {
        return err as UserInputError;
      }
      return null;
    })();
    expect(e?.message).toContain('epochs');
    expect(e?.render('ru')).toContain('целым числом');
  });
});
