/**
 * `charlm_step_ms`: one Adam training step of the makemore character MLP (batch 32, context 3,
 * embedding 10, hidden 200, tanh) on the D&D spell list, median over rounds. PyTorch (CPU,
 * 1 thread) does ~0.34 ms per step on the reference machine; the target is under 1 ms.
 * `charlm_step_ms_js` is the same step with the WebAssembly SIMD kernel switched off (plain
 * JavaScript loops), measured in the same run so the two can be compared.
 *
 * Both figures are CPU time of this process (see `cpuMs` in ../types.ts), like every bench.
 */
import { readFileSync } from 'node:fs';
import { buildExamples } from '../../core/charlm/examples.js';
import { backward, createWorkspace, forward, initCharMlp } from '../../core/charlm/model.js';
import { normalizeNames } from '../../core/charlm/train.js';
import { buildVocab } from '../../core/charlm/vocab.js';
import { createOptimizer } from '../../core/nn/optimizers.js';
import { Rng } from '../../core/rng.js';
import { setSimdEnabled } from '../../core/tensor/simd.js';
import { cpuMs, median, type Benchmark } from '../types.js';

function charlmStepMs(simd: boolean): number {
  setSimdEnabled(simd);
  const text = readFileSync(new URL('../../../assets/spells/dnd_srd_spells.txt', import.meta.url), 'utf8');
  const names = normalizeNames(text.split('\n'));
  const vocab = buildVocab(names);
  const ex = buildExamples(names, vocab, 3);
  const rng = new Rng('bench');
  const model = initCharMlp({ vocabSize: vocab.size, context: 3, embed: 10, hidden: 200 }, rng);
  const B = 32;
  const ws = createWorkspace(model, B);
  const adam = createOptimizer('adam', [{ name: 'charlm', value: model.params, grad: model.grads, decay: true }], { lr: 0.01 });
  const rows = new Int32Array(B);
  const step = () => {
    for (let b = 0; b < B; b++) rows[b] = Math.floor(rng.next() * ex.count);
    forward(model, ws, ex.contexts, ex.targets, rows, B);
    backward(model, ws, ex.contexts, ex.targets, rows, B);
    adam.step();
  };
  for (let i = 0; i < 500; i++) step(); // warm-up: let the JIT compile the loops
  const perRound = 200;
  const rounds: number[] = [];
  for (let r = 0; r < 15; r++) {
    const t0 = cpuMs();
    for (let i = 0; i < perRound; i++) step();
    rounds.push((cpuMs() - t0) / perRound);
  }
  setSimdEnabled(true);
  return median(rounds);
}

export const benchmarks: Benchmark[] = [
  { name: 'charlm_step_ms', unit: 'ms', run: () => charlmStepMs(true) },
  { name: 'charlm_step_ms_js', unit: 'ms', run: () => charlmStepMs(false) },
];
