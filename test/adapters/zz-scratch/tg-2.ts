export default async function ({ fake, show, sleep }: any) {
  const G = { id: -1002, type: 'supergroup', title: 'G' };
  const U = { id: 21, is_bot: false, first_name: 'Ann', language_code: 'ru' };
  const P = { id: 21, type: 'private', first_name: 'Ann' };
  let n = 1;
  const msg = (chat: any, extra: any) => fake.push({ message: { message_id: n++, date: 1, chat, from: U, ...extra } });
  fake.fail('sendMessage', 403, 'Forbidden: bot was blocked by the user');
  msg(P, { text: '/help' }); await show('403 blocked');
  msg(P, { text: '/help' }); await show('after 403');
  fake.fail('sendMessage', 429, 'Too Many Requests: retry after 2', { retryAfter: 2 });
  msg(G, { text: '/help' }); await show('429', 5000);
  fake.fail('sendMessage', 400, "Bad Request: can't parse entities: Unsupported start tag", { times: 1 });
  msg(G, { text: '/help' }); await show('400 parse');
  fake.fail('sendMessage', 500, 'Internal Server Error', { times: 10 });
  msg(G, { text: '/help' }); await show('500 x10', 15000);
  fake.fail('sendMessage', 400, 'Bad Request: chat not found', { times: 1 });
  msg(G, { text: '/help' }); await show('chat not found');
  fake.fail('sendMessage', 403, 'Forbidden: bot was kicked from the supergroup chat', { times: 5 });
  msg(G, { text: '/quiz gates' }); await show('kicked');
  msg(G, { text: '/quiz gates' }); await show('quiz gates');
  const q = fake.calls.filter((c: any) => c.method === 'sendMessage' && c.params.reply_markup).at(-1);
  if (q) {
    const btn = q.params.reply_markup.inline_keyboard[0][0];
    fake.fail('answerCallbackQuery', 400, 'Bad Request: query is too old and response timeout expired or query ID is invalid', { times: 3 });
    fake.fail('editMessageText', 400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same', { times: 3 });
    fake.pressButton(G, U, q.result.message_id, btn.callback_data); await show('press with errors', 4000);
    fake.pressButton(G, U, q.result.message_id, btn.callback_data); await show('press again', 4000);
    fake.fail('editMessageText', 400, 'Bad Request: message to edit not found', { times: 3 });
    fake.pressButton(G, { ...U, id: 22, first_name: 'Bob' }, q.result.message_id, btn.callback_data); await show('press by other, edit not found', 4000);
  }
  // grammY network error: close server? skip
  fake.fail('getUpdates', 502, 'Bad Gateway', { times: 3 });
  msg(G, { text: '/help' }); await show('getUpdates 502', 8000);
}
