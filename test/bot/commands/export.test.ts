import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command, exportFileName } from '../../../src/bot/commands/export.js';
import { attemptsCsv, csvCell } from '../../../src/bot/csv-export.js';
import { createHarness, HARNESS_EPOCH, type Harness } from '../harness.js';
import { seedAttempts } from './attempt-seeds.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ commands: [command] });
});
afterEach(async () => {
  await h.close();
});

describe('/export', () => {
  it('sends every attempt of this chat as a CSV document, formula cells escaped', async () => {
    seedAttempts(h.store, [
      { user: 'u1', name: '=cmd|/C calc', chat: 'g1', answer: '=1+2', at: HARNESS_EPOCH },
      { user: 'u2', name: '@x', chat: 'g1', answer: '+1', correct: false, at: HARNESS_EPOCH + 1000, hintsUsed: 2 },
      { user: 'u3', name: 'Аня, "Ок"', chat: 'g1', answer: '-1', score: 0.75, at: HARNESS_EPOCH + 2000, questionId: 'gates:5:3', topic: 'gates' },
      { user: 'u4', name: 'Tab', chat: 'g1', answer: '\tx', at: HARNESS_EPOCH + 3000 },
      { user: 'u9', name: 'Other chat', chat: 'g2', at: HARNESS_EPOCH },
    ]);
    const r = await h.command('/export', { user: h.user('u0', 'Admin', 'en'), chat: h.group('g1'), admin: true });
    expect(r.sent).toHaveLength(1);
    const m = r.sent[0];
    expect(m?.private).toBe(true);
    expect(m?.text).toBe('Every answer in this chat: 4\u00a0answers. Cells that start with = + - @ begin with an apostrophe so a spreadsheet shows them as text.');
    const file = m?.message.files?.[0];
    expect(file?.name).toBe('gradbot-g1-2026-01-15.csv');
    expect(file?.mime).toBe('text/csv');
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file?.bytes);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFuser,topic,question_id,answer,correct,score,hints,time',
      "'=cmd|/C calc,backprop,backprop:1:2,'=1+2,true,1,0,2026-01-15T12:00:00.000Z",
      "'@x,backprop,backprop:1:2,'+1,false,0,2,2026-01-15T12:00:01.000Z",
      `"Аня, ""Ок""",gates,gates:5:3,'-1,true,0.75,0,2026-01-15T12:00:02.000Z`,
      "Tab,backprop,backprop:1:2,'\tx,true,1,0,2026-01-15T12:00:03.000Z",
      '',
    ]);
  });

  it('is refused to a non-admin in a group', async () => {
    const r = await h.command('/export', { user: h.user('u1', 'Аня', 'ru'), chat: h.group('g1') });
    expect(r.text).toBe('Команда /export доступна только администраторам группы.');
    expect(r.sent[0]?.message.files).toBe(undefined);
  });

  it('an empty chat: a message, no file', async () => {
    const u = h.user('u1', 'Аня', 'ru');
    const r = await h.command('/export', { user: u, chat: h.privateChat(u) });
    expect(r.text).toBe('В этом чате ещё нет ответов: выгружать нечего.');
  });
});

describe('csvCell', () => {
  it('escapes = + - @ tab and CR at the start; quotes commas, quotes and line breaks', () => {
    expect(csvCell('=cmd')).toBe("'=cmd");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('\r1')).toBe(`"'\r1"`);
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(true)).toBe('true');
  });
  it('a file with no rows is the header only', () => {
    expect(attemptsCsv([])).toBe('\uFEFFuser,topic,question_id,answer,correct,score,hints,time\r\n');
  });
  it('file names keep only safe characters', () => {
    expect(exportFileName('-100123/../x', HARNESS_EPOCH)).toBe('gradbot--100123____x-2026-01-15.csv');
  });
});
