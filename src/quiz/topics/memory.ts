/**
 * `memory`: how many parameters an MLP has (each dense layer: n_in·n_out weights + n_out
 * biases) and how much memory they take in float32 (4 bytes each), as on the RAM/VRAM slide.
 */
import type { Rng } from '../../core/rng.js';
import type { Difficulty, QuestionDraft, TopicGenerator } from '../types.js';
import { numberAnswer, signature } from '../build.js';
import { DEFAULT_TOLERANCE } from '../tolerance.js';
import { close, fmt, t } from '../format.js';

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

/** Counts of parameters and bytes are whole numbers: only the exact one is right. */
const EXACT = { relative: 0, absolute: 0.5 };

export const memoryTopic: TopicGenerator = {
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
    // A count is exact: within 1% the biases (the point of the question) often vanish.
    const exact = unit === 1;
    const { answer, mistakes } = numberAnswer(key, [
      { value: weights * scale, tag: 'forgot_bias', feedback: t('Each neuron also has a bias: add n_out per layer.', 'У каждого нейрона есть ещё смещение (bias): добавьте n_out на слой.') },
      ...(askBytes
        ? [
            { value: params / unit, tag: 'off_by_factor' as const, feedback: t('A float32 takes 4 bytes; multiply the count by 4.', 'Одно число float32 занимает 4 байта; умножьте количество на 4.') },
            { value: (params * 32) / unit, tag: 'bits_not_bytes' as const, feedback: t('32 is the number of bits; a float32 is 4 bytes.', '32 — это число бит; float32 занимает 4 байта.') },
            { value: (params * 8) / unit, tag: 'off_by_factor' as const, feedback: t('8 bytes is float64; here the weights are float32.', '8 байт — это float64; здесь веса во float32.') },
          ]
        : []),
    ], exact ? EXACT : DEFAULT_TOLERANCE);
    const arch = sizes.join('-');
    const what = askBytes
      ? unit === MB
        ? t('How much memory do its parameters take in float32, in MiB (1 MiB = 1024² bytes)?', 'Сколько памяти занимают его параметры во float32, в МиБ (1 МиБ = 1024² байт)?')
        : t('How many bytes do its parameters take in float32?', 'Сколько байт занимают его параметры во float32?')
      : t('How many trainable parameters (weights and biases) does it have?', 'Сколько у него обучаемых параметров (весов и смещений)?');
    const exactly = exact ? t(' Give the exact number.', ' Дайте точное число.') : t('', '');
    const layerLines = sizes.slice(1).map((n, i) => `${sizes[i]}·${n} + ${n} = ${sizes[i]! * n + n}`);
    return {
      signature: signature('mlp', sizes, askBytes ? unit : 0),
      text: t(
        `A fully connected network has layer sizes ${arch} (input ${sizes[0]}, output ${sizes[sizes.length - 1]}), with biases. ${what.en}${exactly.en}`,
        `Полносвязная сеть с размерами слоёв ${arch} (вход ${sizes[0]}, выход ${sizes[sizes.length - 1]}), со смещениями. ${what.ru}${exactly.ru}`,
      ),
      answer,
      hints: [
        t('A dense layer from n_in to n_out has an n_in×n_out weight matrix and n_out biases.', 'Полносвязный слой из n_in в n_out имеет матрицу весов n_in×n_out и n_out смещений.'),
        t(`Layer by layer: ${layerLines.join('; ')}.`, `По слоям: ${layerLines.join('; ')}.`),
        ...(askBytes ? [t('Then multiply by 4 bytes per float32.', 'Затем умножьте на 4 байта на число float32.')] : []),
      ],
      solution: [
        { text: t(`Per layer: ${layerLines.join('; ')}.`, `По слоям: ${layerLines.join('; ')}.`) },
        { text: t(`Total: ${weights} weights + ${biases} biases = ${params} parameters.`, `Всего: ${weights} весов + ${biases} смещений = ${params} параметров.`) },
        ...(askBytes
          ? [{ text: t(`${params}·4 bytes = ${params * 4} bytes${unit === MB ? ` = ${fmt(key)} MiB` : ''}.`, `${params}·4 байта = ${params * 4} байт${unit === MB ? ` = ${fmt(key)} МиБ` : ''}.`) }]
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
