/**
 * Composition root. The chat doors (Telegram, Discord, the local web chat) arrive in later
 * issues; until then `npm start` says what is ready and how to use it from the command line.
 */
const lines = [
  'gradbot: the core is ready; the chat doors (Telegram, Discord, local web chat) are not built yet.',
  'Try the command line meanwhile:',
  '  npm run -s cli -- grad "1 + exp(w0 + w1*x)" x=1 w0=0 w1=2',
  '  npm run -s cli -- act relu --at -1,0,1',
  '  npm run -s cli -- --help',
];
process.stdout.write(lines.join('\n') + '\n');
