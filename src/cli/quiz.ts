/**
 * `gradbot quiz`: generated, self-checked questions on the command line.
 *
 *   gradbot quiz --list [--json]
 *   gradbot quiz <topic> [--seed N] [--difficulty 1|2|3] [--lang ru|en] [--image file.png] [--json]
 *   gradbot quiz check <topic> --seed N [--difficulty D] --answer "..." [--tries N] [--hints N] [--json]
 *
 * Answers such as `-20` start with a minus sign; the parser takes them as values of --answer
 * (src/options/parse-cli.ts). The texts are the quiz's own (src/quiz/reply.ts).
 */
import { defineMessages, UserInputError, type Lang } from '../core/errors.js';
import { seedFrom } from '../core/rng.js';
import { numberValue, stringValue, booleanValue, unexpectedArgument } from '../options/parse-cli.js';
import type { OptionSpec } from '../options/types.js';
import { checkAnswer } from '../quiz/check.js';
import { generateQuestion, parseDifficulty, parseSeed, parseTopic } from '../quiz/generate.js';
import { localize } from '../quiz/localize.js';
import { QUIZ_DIFFICULTY_OPTION, QUIZ_SEED_OPTION } from '../quiz/option-specs.js';
import { checkResultLine, questionPlainText, topicList, topicListLines } from '../quiz/reply.js';
import { TOPIC_IDS, type Question } from '../quiz/types.js';
import { writeUserFile } from './files.js';
import { badArgs, EXIT_OK, printJson, type CliCommand, type CliIo } from './shared.js';

const msg = defineMessages('quiz_cli', {
  missing_topic: {
    en: 'Give a topic, e.g. gradbot quiz backprop --seed 1. Topics: {topics}.',
    ru: 'Укажите тему, например gradbot quiz backprop --seed 1. Темы: {topics}.',
  },
  missing_answer: {
    en: 'Give the answer with --answer, e.g. --answer "-20" or --answer=-20.',
    ru: 'Укажите ответ через --answer, например --answer "-20" или --answer=-20.',
  },
  missing_seed: {
    en: 'quiz check needs the --seed of the question you answer.',
    ru: 'Для quiz check нужен --seed вопроса, на который вы отвечаете.',
  },
  no_picture: {
    en: 'This question has no picture, so --image has nothing to draw. Run without --image.',
    ru: 'У этого вопроса нет картинки, поэтому --image нечего рисовать. Запустите без --image.',
  },
  bad_count: {
    en: 'Option --{option} must be a whole number ≥ 0, got "{value}".',
    ru: 'Параметр --{option} должен быть целым числом ≥ 0, а получено «{value}».',
  },
});

const OPTIONS: readonly OptionSpec[] = [
  { name: 'list', type: 'boolean', description: { en: 'list the topics', ru: 'список тем' } },
  // Seed and difficulty as text: the quiz's own parsers give the more specific messages.
  { ...QUIZ_SEED_OPTION, type: 'string', example: 'N' },
  { ...QUIZ_DIFFICULTY_OPTION, type: 'string', example: '1|2|3' },
  { name: 'image', type: 'string', example: 'file.png', description: { en: "save the question's picture to a PNG file", ru: 'сохранить картинку вопроса в PNG-файл' } },
  { name: 'answer', type: 'string', example: '"..."', description: { en: 'quiz check: your answer', ru: 'quiz check: ваш ответ' } },
  { name: 'tries', type: 'integer', description: { en: 'quiz check: earlier wrong tries (they cost points)', ru: 'quiz check: сколько раньше было неверных попыток (снижают балл)' } },
  { name: 'hints', type: 'integer', description: { en: 'quiz check: hints used (they cost points)', ru: 'quiz check: сколько подсказок использовано (снижают балл)' } },
];

function countOption(option: string, value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0) throw msg.error('bad_count', { option, value: String(value) });
  return value;
}

function list(io: CliIo, json: boolean, lang: Lang): number {
  if (json) printJson(io, { topics: topicList(lang) });
  else io.out(topicListLines(lang).join('\n'));
  return EXIT_OK;
}

/** Draws the question's picture with the render module (loaded only when asked for). */
async function writeImage(q: Question, path: string, lang: Lang): Promise<void> {
  if (!q.picture) throw msg.error('no_picture');
  const { renderPicture } = await import('../render/render.js');
  await writeUserFile(path, await renderPicture({ ...q.picture, lang }));
}

export const command: CliCommand = {
  name: 'quiz',
  summary: 'Generated, self-checked quiz questions with hints and worked solutions',
  usage: [
    'Usage: gradbot quiz --list [--json]',
    '       gradbot quiz <topic> [--seed N] [--difficulty 1|2|3] [--lang ru|en] [--image file.png] [--json]',
    '       gradbot quiz check <topic> --seed N [--difficulty D] --answer "..." [--tries N] [--hints N] [--json]',
    '',
    `Topics: ${TOPIC_IDS.join(', ')}. Default difficulty 2; without --seed a seed is drawn and shown.`,
    'Answers: numbers as 0.5, 1/2, 5e-1, 0,5, -20, "≈ 0.50"; choices by letter (a/b/c, а/б/в), number or text;',
    'chain: an expression in x such as 2*x*cos(x^2). --tries / --hints: earlier wrong tries and hints used (scoring).',
    'With --json: {"id", "topic", "seed", "difficulty", "question": {"text"}, "answer": {...}, "hints", "solution"}',
    '(backprop adds "graph": {"expression", "values", "ask"}: gradbot grad recomputes the key from it);',
    'quiz check --json prints {"correct", "score", "feedback"}.',
  ].join('\n'),
  options: OPTIONS,
  async run({ values, positionals }, io, { lang, json }): Promise<number> {
    if (booleanValue(values, 'list')) return list(io, json, lang);

    const checking = positionals[0] === 'check';
    const topicArg = checking ? positionals[1] : positionals[0];
    if (topicArg === undefined) throw msg.error('missing_topic', { topics: TOPIC_IDS.join(', ') });
    const extra = positionals.slice(checking ? 2 : 1);
    if (extra.length > 0) throw unexpectedArgument('quiz', extra[0]!);
    const topic = parseTopic(topicArg);
    const difficulty = parseDifficulty(stringValue(values, 'difficulty') ?? 2);
    const seedText = stringValue(values, 'seed');
    const answer = stringValue(values, 'answer');

    if (checking) {
      if (seedText === undefined) throw msg.error('missing_seed');
      if (answer === undefined) throw msg.error('missing_answer');
      const q = generateQuestion(topic, parseSeed(seedText), difficulty);
      const r = checkAnswer(q, answer, { wrongTries: countOption('tries', numberValue(values, 'tries')), hintsUsed: countOption('hints', numberValue(values, 'hints')) });
      // an unreadable answer is an input error (exit 2, the usual error output); a wrong one is a result
      if (r.unreadable) throw new UserInputError('quiz.unreadable_answer', r.feedback);
      if (json) {
        const out: Record<string, unknown> = { correct: r.correct, score: r.score, feedback: r.feedback[lang] };
        if (r.misconception) out.misconception = r.misconception;
        printJson(io, out);
      } else {
        io.out(checkResultLine(r, lang));
      }
      return EXIT_OK;
    }

    if (answer !== undefined) throw badArgs('quiz', {
        en: 'Use --answer with "quiz check <topic> --seed N"',
        ru: 'Параметр --answer используется с "quiz check <тема> --seed N"',
      });
    const seed = seedText === undefined ? seedFrom('quiz-cli', Date.now()) : parseSeed(seedText);
    const q = generateQuestion(topic, seed, difficulty);
    const image = stringValue(values, 'image');
    if (image !== undefined) await writeImage(q, image, lang);
    if (json) printJson(io, localize(q, lang));
    else io.out(questionPlainText(q, lang, { image }));
    return EXIT_OK;
  },
};
