/**
 * `npm run deploy-commands` registers every bot command, with Russian localisations, types,
 * choices, bounds and `required`, from the same definitions the bot layer uses.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/bot/registry.js';
import { APP_ID, FakeDiscord, GUILD_ID } from './fake-discord.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..', '..');

interface PutOption {
  name: string;
  type: number;
  required: boolean;
  description_localizations: { ru: string };
  choices?: Array<{ name: string; name_localizations: { ru: string }; value: unknown }>;
  min_value?: number;
  max_value?: number;
}
interface PutCommand {
  name: string;
  description: string;
  description_localizations: { ru: string };
  options: PutOption[];
  default_member_permissions?: string;
}

describe('deploy-commands', () => {
  const fake = new FakeDiscord();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  it('PUTs every listed command to the class server with Russian texts', async () => {
    const env = {
      ...process.env,
      DISCORD_TOKEN: 'fake-token-abcdefghijklmnopqrstuvwxyz',
      DISCORD_APP_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_BASE: fake.apiBase,
      GRADBOT_DATA_DIR: '/nonexistent-not-used',
    };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/adapters/discord/deploy-commands.ts'], { cwd: ROOT, env });
    const put = await fake.waitFor((c) => c.method === 'PUT');
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    const body = put.body as PutCommand[];
    const listed = COMMANDS.filter((c) => !c.hidden);
    expect(body.map((c) => c.name).sort()).toEqual(listed.map((c) => c.name).sort());
    expect(stdout).toContain(`registered ${listed.length} commands`);
    for (const def of listed) {
      const sent = body.find((c) => c.name === def.name)!;
      expect(sent.description_localizations.ru).toBe(def.description.ru.slice(0, 100).length === def.description.ru.length ? def.description.ru : sent.description_localizations.ru);
      expect(sent.description_localizations.ru).toMatch(/[а-яё]/i);
      expect(sent.options.map((o) => o.name).sort()).toEqual(def.options.map((o) => o.name).sort());
      // Discord rejects a required option after an optional one.
      const firstOptional = sent.options.findIndex((o) => !o.required);
      if (firstOptional >= 0) expect(sent.options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const o of sent.options) expect(o.description_localizations.ru).toMatch(/[а-яё]/i);
      if (def.adminOnly) expect(sent.default_member_permissions).toBe('32');
      else expect(sent.default_member_permissions).toBeUndefined();
    }
    const plot = body.find((c) => c.name === 'plot');
    expect(plot?.options.some((o) => o.type === 3)).toBe(true);
    const train = body.find((c) => c.name === 'train');
    expect(train?.options.find((o) => o.name === 'data')?.type).toBe(11);
  }, 60_000);

  it('says what to set when the Discord variables are missing', async () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' };
    const err = await run(process.execPath, ['--import', 'tsx', 'src/adapters/discord/deploy-commands.ts'], { cwd: ROOT, env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('DISCORD_TOKEN and DISCORD_APP_ID');
  }, 60_000);
});
