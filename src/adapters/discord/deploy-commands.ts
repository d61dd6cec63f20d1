/**
 * `npm run deploy-commands`: registers the slash commands from the same definitions the bot
 * layer uses (./command-json.ts over src/bot's registry). With DISCORD_GUILD_ID the commands go
 * to that server (instant: right for a class server); without it, globally (Discord may take
 * up to an hour to show them everywhere). A PUT replaces the whole set, so removed commands go.
 */
import { REST, Routes } from 'discord.js';
import { pathToFileURL } from 'node:url';
import type { Config } from '../../config.js';
import type { CommandDefinition } from '../../bot/types.js';
import { commandsJson, type DiscordCommandJson } from './command-json.js';

/** PUTs every command; resolves to what was sent and where. */
export async function deployCommands(
  discord: NonNullable<Config['discord']>,
  defs: readonly CommandDefinition[],
): Promise<{ scope: 'guild' | 'global'; commands: DiscordCommandJson[] }> {
  const rest = new REST(discord.apiBase ? { api: discord.apiBase } : {}).setToken(discord.token);
  const body = commandsJson(defs);
  const route = discord.guildId ? Routes.applicationGuildCommands(discord.appId, discord.guildId) : Routes.applicationCommands(discord.appId);
  await rest.put(route, { body });
  return { scope: discord.guildId ? 'guild' : 'global', commands: body };
}

async function main(): Promise<number> {
  const { ConfigError, loadConfig } = await import('../../config.js');
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  if (!config.discord) {
    process.stderr.write('deploy-commands: set DISCORD_TOKEN and DISCORD_APP_ID (see .env.example), and DISCORD_GUILD_ID for one server.\n');
    return 1;
  }
  const { COMMANDS } = await import('../../bot/registry.js');
  try {
    const { scope, commands } = await deployCommands(config.discord, COMMANDS);
    const where = scope === 'guild' ? `server ${config.discord.guildId}` : 'all servers (global; may take up to an hour to appear)';
    process.stdout.write(`deploy-commands: registered ${commands.length} commands for ${where}: ${commands.map((c) => `/${c.name}`).join(' ')}\n`);
    return 0;
  } catch (e) {
    // discord.js's errors name the route and Discord's reason, never the token.
    process.stderr.write(`deploy-commands: Discord refused the commands: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then((code) => (process.exitCode = code));
}
