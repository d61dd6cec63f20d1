import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { ANNA, BORIS, NOW, seededStore } from './helpers.js';

let store: Store;
afterEach(() => store.close());

describe('models', () => {
  it('keeps the last trained model per user', () => {
    store = seededStore();
    const first = { layers: [{ w: [[0.5, -1.25]], b: [0] }], activation: 'relu', classes: ['да', 'нет'] };
    store.models.put(ANNA, first, { target: 'species', task: 'classification', at: NOW });
    expect(store.models.get(ANNA)).toEqual({ model: first, target: 'species', task: 'classification', at: NOW });
    const second = { layers: [], note: 'ёж 🦔' };
    store.models.put(ANNA, second, { target: 'price', task: 'regression', at: NOW + 1 });
    expect(store.models.get(ANNA)).toEqual({ model: second, target: 'price', task: 'regression', at: NOW + 1 });
    expect(store.models.get(BORIS)).toBeUndefined();
  });

  it('refuses a model JSON cannot hold', () => {
    store = seededStore();
    expect(() => store.models.put(ANNA, undefined, { target: 't', task: 'regression', at: NOW })).toThrow('the model cannot be stored as JSON (got undefined)');
  });
});

describe('spell models', () => {
  it('caches models by key', () => {
    store = seededStore();
    expect(store.spellModels.get('dnd:v1:seed=1')).toBeUndefined();
    store.spellModels.put('dnd:v1:seed=1', { order: 3, counts: { 'абв': 2 } });
    store.spellModels.put('dnd:v1:seed=1', { order: 4, counts: {} });
    store.spellModels.put('custom:"x"', [1, 2]);
    expect(store.spellModels.get('dnd:v1:seed=1')).toEqual({ order: 4, counts: {} });
    expect(store.spellModels.get('custom:"x"')).toEqual([1, 2]);
  });
});
