/**
 * `gradbot quiz`: generated, self-checked questions on the command line.
 *
 *   gradbot quiz --list [--json]
 *   gradbot quiz <topic> [--seed N] [--difficulty 1|2|3] [--lang ru|en] [--image file.png] [--json]
 *   gradbot quiz check <topic> --seed N [--difficulty D] --answer "..." [--tries N] [--hints N] [--json]
 *
 * Options are split by hand (as in `grad` and `plot`): answers such as `-20` start with a minus
 * sign, which node:util's parseArgs would take for an option.
 */
import { writeFile } from 'node:fs/promises';
import { defineMessages, UserInputError, type Lang } from '../core/errors.js';
import { seedFrom } from '../core/rng.js';
import { TOPIC_IDS, type Question } from '../quiz/types.js';
import { generateQuestion, parseDifficulty, parseSeed, parseTopic, TOPICS } from '../quiz/generate.js';
import { checkAnswer } from '../quiz/check.js';
import { localize, questionText } from '../quiz/localize.js';
import { badArgs, EXIT_OK, missingOptionValue, unexpectedArgument, unknownOption, langOption, numberOption, printJson, type CliCommand, type CliIo } from './shared.js';

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
  write_failed: {
    en: 'Could not write "{path}": {detail}.',
    ru: 'Не удалось записать «{path}»: {detail}.',
  },
  bad_count: {
    en: 'Option --{option} must be a whole number ≥ 0, got "{value}".',
    ru: 'Параметр --{option} должен быть целым числом ≥ 0, а получено «{value}».',
  },
});

const VALUE_OPTIONS = ['seed', 'difficulty', 'lang', 'image', 'answer', 'tries', 'hints'];
const FLAGS = ['list', 'json'];

interface Args {
  values: Record<string, string>;
  flags: Set<string>;
  positionals: string[];
}

/** `--name value` / `--name=value` for value options, bare `--flag`s, the rest positional. */
function splitArgs(argv: readonly string[]): Args {
  const out: Args = { values: {}, flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (VALUE_OPTIONS.includes(name)) {
      const v = eq < 0 ? argv[++i] : a.slice(eq + 1);
      if (v === undefined) throw missingOptionValue('quiz', `--${name}`);
      out.values[name] = v;
    } else if (FLAGS.includes(name) && eq < 0) {
      out.flags.add(name);
    } else {
      throw unknownOption('quiz', a);
    }
  }
  return out;
}

function countOption(option: string, value: string | undefined): number {
  if (value === undefined) return 0;
  const n = numberOption(option, value)!;
  if (!Number.isInteger(n) || n < 0) throw msg.error('bad_count', { option, value });
  return n;
}

function list(io: CliIo, json: boolean, lang: Lang): number {
  const topics = TOPIC_IDS.map((id) => ({ id, title: TOPICS[id].title[lang] }));
  if (json) printJson(io, { topics });
  else io.out(topics.map((t) => `${t.id.padEnd(12)} ${t.title}`).join('\n'));
  return EXIT_OK;
}

/** Draws the question's picture with the render module (loaded only when asked for). */
async function writeImage(q: Question, path: string, lang: Lang): Promise<void> {
  if (!q.picture) throw msg.error('no_picture');
  const { renderPicture } = await import('../render/render.js');
  const bytes = await renderPicture({ ...q.picture, lang });
  try {
    await writeFile(path, bytes);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw msg.error('write_failed', { path, detail });
  }
}

function plainText(q: Question, lang: Lang, image: string | undefined): string {
  const head = lang === 'ru' ? `Вопрос ${q.id} (сложность ${q.difficulty})` : `Question ${q.id} (difficulty ${q.difficulty})`;
  const lines = [head, '', questionText(q, lang)];
  if (image) lines.push('', lang === 'ru' ? `Картинка: ${image}` : `Picture: ${image}`);
  lines.push(
    '',
    lang === 'ru'
      ? `Ответ: gradbot quiz check ${q.topic} --seed ${q.seed} --difficulty ${q.difficulty} --answer "..."`
      : `Answer: gradbot quiz check ${q.topic} --seed ${q.seed} --difficulty ${q.difficulty} --answer "..."`,
  );
  return lines.join('\n');
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
  async run(argv: string[], io: CliIo): Promise<number> {
    const args = splitArgs(argv);
    const lang = langOption(args.values.lang);
    const json = args.flags.has('json');
    if (args.flags.has('list')) return list(io, json, lang);

    const checking = args.positionals[0] === 'check';
    const topicArg = checking ? args.positionals[1] : args.positionals[0];
    if (topicArg === undefined) throw msg.error('missing_topic', { topics: TOPIC_IDS.join(', ') });
    const extra = args.positionals.slice(checking ? 2 : 1);
    if (extra.length > 0) throw unexpectedArgument('quiz', extra[0]!);
    const topic = parseTopic(topicArg);
    const difficulty = parseDifficulty(args.values.difficulty ?? 2);

    if (checking) {
      if (args.values.seed === undefined) throw msg.error('missing_seed');
      const answer = args.values.answer;
      if (answer === undefined) throw msg.error('missing_answer');
      const q = generateQuestion(topic, parseSeed(args.values.seed), difficulty);
      const r = checkAnswer(q, answer, { wrongTries: countOption('tries', args.values.tries), hintsUsed: countOption('hints', args.values.hints) });
      // an unreadable answer is an input error (exit 2, the usual error output); a wrong one is a result
      if (r.unreadable) throw new UserInputError('quiz.unreadable_answer', r.feedback);
      if (json) {
        const out: Record<string, unknown> = { correct: r.correct, score: r.score, feedback: r.feedback[lang] };
        if (r.misconception) out.misconception = r.misconception;
        printJson(io, out);
      } else {
        io.out(`${r.feedback[lang]}${r.correct ? '' : lang === 'ru' ? ` (балл ${r.score})` : ` (score ${r.score})`}`);
      }
      return EXIT_OK;
    }

    if (args.values.answer !== undefined) throw badArgs('quiz', {
        en: 'Use --answer with "quiz check <topic> --seed N"',
        ru: 'Параметр --answer используется с "quiz check <тема> --seed N"',
      });
    const seed = args.values.seed === undefined ? seedFrom('quiz-cli', Date.now()) : parseSeed(args.values.seed);
    const q = generateQuestion(topic, seed, difficulty);
    const image = args.values.image;
    if (image !== undefined) await writeImage(q, image, lang);
    if (json) printJson(io, localize(q, lang));
    else io.out(plainText(q, lang, image));
    return EXIT_OK;
  },
};
