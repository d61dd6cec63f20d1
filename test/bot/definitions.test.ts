import { describe, expect, it } from 'vitest';
import { commandsJson } from '../../src/bot/definitions.js';
import { COMMANDS, COMMANDS_BY_NAME } from '../../src/bot/registry.js';
import { runCli } from '../cli/run-cli.js';

const LOCALIZED = (v: unknown) => {
  expect(Object.keys(v as object)).toEqual(['en', 'ru']);
  const t = v as { en: unknown; ru: unknown };
  expect(typeof t.en).toBe('string');
  expect(typeof t.ru).toBe('string');
  expect((t.en as string).length).toBeGreaterThan(0);
  expect((t.ru as string).length).toBeGreaterThan(0);
};

describe('gradbot commands --json', () => {
  it('prints every registered command in the documented shape', async () => {
    const r = await runCli('commands', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as Array<Record<string, unknown>>;
    expect(json.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    for (const c of json) {
      expect(Object.keys(c)).toEqual(['name', 'description', 'options']);
      expect(c.name).toMatch(/^[a-z][a-z0-9_]{0,31}$/);
      LOCALIZED(c.description);
      for (const o of c.options as Array<Record<string, unknown>>) {
        const keys = Object.keys(o);
        expect(keys.slice(0, 4)).toEqual(['name', 'type', 'required', 'description']);
        expect(keys.length === 4 || (keys.length === 5 && keys[4] === 'choices')).toBe(true);
        expect(['string', 'integer', 'number', 'boolean', 'attachment']).toContain(o.type);
        expect(typeof o.required).toBe('boolean');
        LOCALIZED(o.description);
        for (const ch of (o.choices as Array<Record<string, unknown>> | undefined) ?? []) {
          expect(Object.keys(ch)).toEqual(['name', 'value']);
          LOCALIZED(ch.name);
          expect(['string', 'number']).toContain(typeof ch.value);
        }
      }
    }
  });

  it('the JSON of /leaderboard is exactly its definition', () => {
    const lb = commandsJson(COMMANDS).find((c) => c.name === 'leaderboard');
    expect(lb).toEqual({
      name: 'leaderboard',
      description: { en: 'The best in this chat: this week or all time', ru: 'Лучшие в этом чате: за неделю или за всё время' },
      options: [
        {
          name: 'period',
          type: 'string',
          required: false,
          description: { en: 'week (the last 7 days) or all', ru: 'week (последние 7 дней) или all (всё время)' },
          choices: [
            { name: { en: 'This week', ru: 'Неделя' }, value: 'week' },
            { name: { en: 'All time', ru: 'Всё время' }, value: 'all' },
          ],
        },
      ],
    });
  });

  it('without --json: one usage line per command, in the chosen language', async () => {
    const r = await runCli('commands', '--lang', 'ru');
    expect(r.code).toBe(0);
    expect(r.out).toContain('/leaderboard [period]\n    Лучшие в этом чате: за неделю или за всё время');
    expect(r.out).toContain('/lang [language]\n    Язык этого чата: ru или en');
  });

  it('an extra argument is a user error', async () => {
    const r = await runCli('commands', 'extra');
    expect(r.code).toBe(2);
    expect(r.err).toBe('gradbot commands: Unexpected argument "extra". Run "gradbot commands --help" for usage.');
  });
});

describe('the registry', () => {
  it('names are unique, the map is derived from the list, and every option follows the schema rules', () => {
    expect(COMMANDS_BY_NAME.size).toBe(COMMANDS.length);
    for (const c of COMMANDS) {
      expect(COMMANDS_BY_NAME.get(c.name)).toBe(c);
      const names = c.options.map((o) => o.name);
      expect(new Set(names).size).toBe(names.length);
      for (const o of c.options) expect(o.name).toMatch(/^[a-z][a-z0-9_-]{0,31}$/);
      // at most one rest option
      expect(c.options.filter((o) => o.rest).length).toBeLessThanOrEqual(1);
    }
    for (const name of ['start', 'help', 'lang', 'leaderboard', 'stats', 'settings', 'export']) expect(COMMANDS_BY_NAME.has(name)).toBe(true);
  });
});
