/**
 * Composition root. The chat doors (Telegram, Discord, the local web chat) arrive in later
 * issues; until then `npm start` checks the configuration and says what is ready and how to
 * use it from the command line.
 */
import { ConfigError, loadConfig } from './config.js';

try {
  const config = loadConfig();
  const lines = [
    'gradbot: the core, quizzes, plots, /train and the spell generators are ready;',
    'the chat doors (Telegram, Discord, the local web chat) are not built yet.',
    `Configuration: data in ${config.dataDir}, language ${config.lang}, ` +
      `job time limit ${config.jobTimeoutMs / 1000} s, worker memory ${config.workerMemoryMb} MB.`,
    '',
    'Try the command line meanwhile (gradbot <command> --help for options):',
    '  npm run -s cli -- grad "1 + exp(w0 + w1*x)" x=1 w0=0 w1=2',
    '  npm run -s cli -- plot relu,gelu --out relu-gelu.png',
    '  npm run -s cli -- quiz backprop --seed 7 --image question.png',
    '  npm run -s cli -- train assets/datasets/iris.csv',
    '  npm run -s cli -- spells --dataset hp --count 8',
  ];
  process.stdout.write(lines.join('\n') + '\n');
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(e.message + '\n');
  process.exitCode = 1;
}
