import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  findActivation,
  getActivation,
  normalizeActivationName,
  suggestActivations,
} from '../../../src/core/activations/index.js';
import { isUserInputError, UserInputError } from '../../../src/core/errors.js';

describe('findActivation', () => {
  it('finds every id and alias of every entry', () => {
    for (const a of ACTIVATIONS) {
      expect(findActivation(a.id)).toBe(a);
      for (const alias of a.aliases) expect(findActivation(alias), alias).toBe(a);
    }
  });

  it('never gives one name to two entries', () => {
    const owner = new Map<string, string>();
    for (const a of ACTIVATIONS) {
      for (const name of [a.id, ...a.aliases]) {
        const n = normalizeActivationName(name);
        expect(owner.get(n) ?? a.id, n).toBe(a.id);
        owner.set(n, a.id);
      }
    }
  });

  it.each([
    ['swish', 'silu'],
    ['lrelu', 'leaky_relu'],
    ['leaky', 'leaky_relu'],
    ['Leaky-ReLU', 'leaky_relu'],
    ['LeakyReLU', 'leaky_relu'],
    ['  leaky relu ', 'leaky_relu'],
    ['step', 'binary_step'],
    ['heaviside', 'binary_step'],
    ['Binary Step', 'binary_step'],
    ['logistic', 'sigmoid'],
    ['Сигмоида', 'sigmoid'],
    ['гиперболический тангенс', 'tanh'],
    ['th', 'tanh'],
    ['atan', 'arctan'],
    ['linear', 'identity'],
    ['hard-tanh', 'hardtanh'],
    ['Hard Sigmoid', 'hardsigmoid'],
    ['ReLU6', 'relu6'],
    ['GELU', 'gelu'],
    ['жёсткая сигмоида', 'hardsigmoid'],
    ['жесткая сигмоида', 'hardsigmoid'],
  ])('%s -> %s', (name, id) => {
    expect(findActivation(name)?.id).toBe(id);
    expect(getActivation(name).id).toBe(id);
  });

  it('returns undefined for unknown or empty names', () => {
    expect(findActivation('softmax')).toBeUndefined();
    expect(findActivation('')).toBeUndefined();
    expect(findActivation('   ')).toBeUndefined();
  });
});

describe('getActivation errors', () => {
  function errorOf(name: string): UserInputError {
    try {
      getActivation(name);
    } catch (e) {
      if (isUserInputError(e)) return e;
      throw e;
    }
    throw new Error(`no error for ${name}`);
  }

  it('suggests close names and says where the list is', () => {
    const e = errorOf('sigmod');
    expect(e.code).toBe('activation.unknown');
    expect(e.message).toContain('"sigmod"');
    expect(e.message).toContain('sigmoid');
    expect(e.message).toContain('gradbot act --list');
    expect(e.message).toContain('/plot --list');
    const ru = e.render('ru');
    expect(ru).toContain('sigmoid');
    expect(ru).toMatch(/Неизвестная функция активации/);
  });

  it('suggests from fragments and typos', () => {
    expect(suggestActivations('leak')).toContain('leaky_relu');
    expect(suggestActivations('relu7')[0]).toBe('relu');
    expect(suggestActivations('tahn')).toContain('tanh');
    expect(suggestActivations('selu ')).toContain('selu');
  });

  it('still uses code activation.unknown when nothing is close', () => {
    const e = errorOf('xyzzy-plugh');
    expect(e.code).toBe('activation.unknown');
    expect(e.message).toContain('gradbot act --list');
    expect(errorOf('').code).toBe('activation.unknown');
  });
});
