/**
 * `memory`: how many parameters an MLP has (each dense layer: n_in·n_out weights + n_out
 * biases) and how much memory they take in float32 (4 bytes each), as on the RAM/VRAM slide.
 */
import type { Rng } from '../../core/rng.js';
import type { Difficulty, TopicGenerator } from '../types.js';
import { EXACT_COUNT, numberAnswer, precisionText, signature, THREE_FIGURES } from '../build.js';
import { close, t, tn } from '../format.js';

const HIDDEN = [8, 10, 16, 20, 32, 50, 64, 100, 128, 200, 256, 300, 512, 1024];

/** Sizes of the layers, input first. */
function drawSizes(rng: Rng, difficulty: Difficulty): number[] {
  const input = difficulty === 3 ? rng.choice([784, 3072, 1000, 512, 2048, rng.int(100, 4000)]) : rng.int(2, 100);
  const hiddenCount = difficulty === 1 ? 1 : difficulty === 2 ? 2 : rng.int(2, 3);
  const hidden = Array.from({ length: hiddenCount }, () => (difficulty === 1 ? rng.int(2, 64) : rng.choice(HIDDEN)));
  const out = rng.int(1, 10);
  return [input, ...hidden, out];
}

/** Σ over layers of n_in·n_out + n_out. */
export function mlpParameterCount(sizes: readonly number[]): { weights: number; biases: number } {
  let weights = 0;
  let biases = 0;
  for (let i = 0; i + 1 < sizes.length; i++) {
    weights += sizes[i]! * sizes[i + 1]!;
    biases += sizes[i + 1]!;
  }
  return { weights, biases };
}

const MB = 1024 * 1024;

export const memoryTopic: TopicGenerator<'memory'> = {
  id: 'memory',
  title: t('Parameters and memory of an MLP', 'Параметры и память MLP'),
  generate(rng, difficulty) {
    const sizes = drawSizes(rng, difficulty);
    const { weights, biases } = mlpParameterCount(sizes);
    const params = weights + biases;
    const askBytes = difficulty === 3 || (difficulty === 2 && rng.bernoulli(0.5));
    const unit = difficulty === 3 ? MB : 1;
    const key = askBytes ? (params * 4) / unit : params;
    const scale = askBytes ? 4 / unit : 1;
    // Counts (parameters, bytes) are exact: within 1% the biases, the point of the question,
    // would often vanish. MiB are an amount: 3 significant figures.
    const grading = unit === 1 ? EXACT_COUNT : THREE_FIGURES;
    const { answer, mistakes } = numberAnswer(key, [
      { value: weights * scale, tag: 'forgot_bias', feedback: t('Each neuron also has a bias: add n_out per layer.', 'У каждого нейрона есть ещё смещение: добавьте n_out на каждый слой.') },
      ...(askBytes
        ? [
            { value: params / unit, tag: 'off_by_factor' as const, feedback: t('A float32 takes 4 bytes; multiply the count by 4.', 'Одно число float32 занимает 4 байта: умножьте количество параметров на 4.') },
            { value: (params * 32) / unit, tag: 'bits_not_bytes' as const, feedback: t('32 is the number of bits; a float32 is 4 bytes.', '32 — это число бит; float32 занимает 4 байта.') },
            { value: (params * 8) / unit, tag: 'off_by_factor' as const, feedback: t('8 bytes is float64; here the weights are float32.', '8 байт занимает float64, а здесь веса во float32.') },
          ]
        : []),
    ], grading);
    const arch = sizes.join('–');
    const what = askBytes
      ? unit === MB
        ? tn((f) => [`How much memory do its parameters take in float32, in MiB (1 MiB = 1024² = ${f.n(MB)} bytes)?`, `Сколько памяти занимают её параметры во float32, в МиБ (1 МиБ = 1024² = ${f.n(MB)} байт)?`])
        : t('How many bytes do its parameters take in float32?', 'Сколько байт занимают её параметры во float32?')
      : t('How many trainable parameters (weights and biases) does it have?', 'Сколько у неё обучаемых параметров (весов и смещений)?');
    const precision = precisionText(grading.precision, 'number');
    const layerLines = (f: { n(x: number): string }) => sizes.slice(1).map((n, i) => `${f.n(sizes[i]!)}·${f.n(n)} + ${f.n(n)} = ${f.n(sizes[i]! * n + n)}`);
    return {
      signature: signature('mlp', sizes, askBytes ? unit : 0),
      text: tn((f) => [
        `A fully connected network has layer sizes ${arch} (input ${f.n(sizes[0]!)}, output ${f.n(sizes[sizes.length - 1]!)}); every neuron has a bias. ${what.en}${precision.en}`,
        `У полносвязной сети размеры слоёв ${arch} (вход ${f.n(sizes[0]!)}, выход ${f.n(sizes[sizes.length - 1]!)}), у каждого нейрона есть смещение. ${what.ru}${precision.ru}`,
      ]),
      answer,
      hints: [
        t('A dense layer with n_in inputs and n_out outputs has an n_in×n_out weight matrix and n_out biases.', 'Полносвязный слой с n_in входами и n_out выходами имеет матрицу весов n_in×n_out и n_out смещений.'),
        tn((f) => [`Layer by layer: ${layerLines(f).join('; ')}.`, `По слоям: ${layerLines(f).join('; ')}.`]),
        ...(askBytes ? [t('Then multiply by 4 bytes per float32 number.', 'Затем умножьте на 4 байта — столько занимает одно число float32.')] : []),
      ],
      solution: [
        { text: tn((f) => [`Per layer: ${layerLines(f).join('; ')}.`, `По слоям: ${layerLines(f).join('; ')}.`]) },
        {
          text: tn((f) => [
            `Total: ${f.count(weights, 'weight')} + ${f.count(biases, 'bias')} = ${f.count(params, 'parameter')}.`,
            `Всего: ${f.count(weights, 'weight')} + ${f.count(biases, 'bias')} = ${f.count(params, 'parameter')}.`,
          ]),
        },
        ...(askBytes
          ? [
              {
                text: tn((f) => {
                  const mib = unit === MB ? ` = ${f.n(params * 4)}/${f.n(MB)} ${f.lang === 'en' ? 'MiB' : 'МиБ'} ${f.eq(key, 6)} ${f.lang === 'en' ? 'MiB' : 'МиБ'}` : '';
                  return [`${f.n(params)}·4 bytes = ${f.count(params * 4, 'byte')}${mib}.`, `${f.n(params)}·4 байта = ${f.count(params * 4, 'byte')}${mib}.`];
                }),
              },
            ]
          : []),
      ],
      mistakes,
    };
  },
  verify(d) {
    const [, sizesText, unitText] = d.signature.split('|') as [string, string, string];
    const sizes = sizesText.split(',').map(Number);
    const unit = Number(unitText);
    // second path: count weights and biases as the matrix shapes' products, one layer at a time
    let count = 0;
    sizes.slice(1).forEach((n, i) => {
      count += (sizes[i]! + 1) * n;
    });
    const key = unit === 0 ? count : (count * 4) / unit;
    return d.answer.kind === 'number' && close(d.answer.value, key);
  },
};
