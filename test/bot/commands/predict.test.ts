/**
 * /predict: the caller's last model from the store answers one row with the same numbers as
 * the model itself; no model, a wrong row or no values each get their own message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as predict, predictRow } from '../../../src/bot/commands/predict.js';
import { TrainedModel } from '../../../src/training/model.js';
import { handle as trainJob } from '../../../src/training/train-job.js';
import { userKey } from '../../../src/store/types.js';
import { createHarness, type As, type Harness } from '../harness.js';
import { IRIS } from './train-helpers.js';

let h: Harness;
let alice: As;
let boris: As;
let model: TrainedModel;

beforeAll(async () => {
  h = await createHarness({ commands: [predict] });
  alice = { user: h.user('u1', 'Alice', 'en'), chat: h.group('g1') };
  boris = { user: h.user('u2', 'Борис', 'ru'), chat: h.privateChat('u2') };
  // The train job's own handler, run here: this file tests /predict, not the pool.
  const r = await trainJob({ csv: IRIS, options: { seed: 5, epochs: 40, hidden: [8] } }, () => {});
  model = TrainedModel.fromJSON(r.model);
  for (const who of ['u1', 'u2']) h.store.users.upsert(userKey('local', who), who);
  for (const who of ['u1', 'u2']) h.store.models.put(userKey('local', who), r.model, { target: r.target, task: r.task, at: h.clock.now() });
});

afterAll(async () => {
  await h.close();
});

describe('/predict', () => {
  it("answers with the model's class and probabilities", async () => {
    const r = await h.command('/predict 6.7,3.0,5.2,2.3', alice);
    const expected = model.predictLine('6.7,3.0,5.2,2.3');
    expect(r.text.split('\n')[0]).toBe(`Prediction: ${String(expected.prediction)}`);
    for (const p of expected.probabilities ?? []) expect(r.text).toContain(`  ${p.label}: ${Number(p.p.toPrecision(4))}`);
    const ru = await h.command('/predict 5,1; 3,5; 1,4; 0,2', boris);
    expect(ru.text).toMatch(/^Предсказание: setosa\nВероятности:/);
  });

  it('takes values separated by spaces, with decimal points or Russian decimal commas', async () => {
    const expected = model.predictLine('6.7,3.0,5.2,2.3');
    for (const line of ['6.7 3.0 5.2 2.3', '6,7 3,0 5,2 2,3', '6.7, 3.0, 5.2, 2.3']) {
      const r = await h.command(`/predict ${line}`, boris);
      expect(r.text.split('\n')[0]).toBe(`Предсказание: ${String(expected.prediction)}`);
    }
    const short = await h.command('/predict 6.7 3.0 5.2', boris);
    expect(short.text).toContain('получено 3');
    expect(predictRow('New York,2', 2)).toBe('New York,2');
    expect(predictRow('1 2', 1)).toBe('1 2');
  });

  it("names the columns when the row has the wrong number of values, in the chat's language", async () => {
    const r = await h.command('/predict 5.1,3.5', boris);
    expect(r.text).toContain('sepal_length, sepal_width, petal_length, petal_width');
    expect(r.text).toMatch(/[а-я]/);
    const bad = await h.command('/predict 5.1,abc,1.4,0.2', alice);
    expect(bad.text).toContain('sepal_width');
  });

  it('shows how to ask when no values are given', async () => {
    const r = await h.command('/predict', alice);
    expect(r.text).toContain('the values of sepal_length, sepal_width, petal_length, petal_width in this order');
    expect(r.text).toMatch(/\/predict [\d.]+,[\d.]+,[\d.]+,[\d.]+$/);
  });

  it('says how to train a model when there is none', async () => {
    const r = await h.command('/predict 1,2,3,4', { user: h.user('u3', 'Carol', 'en'), chat: h.group('g1') });
    expect(r.text).toBe(
      'You have no trained model yet. Train one with /train and a CSV file (or /train iris on the sample data), then ask it with /predict 5.1,3.5,1.4,0.2.',
    );
  });
});
