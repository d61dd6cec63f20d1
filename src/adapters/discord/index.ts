/**
 * The Discord door: slash commands, buttons, autocomplete and attachments through discord.js.
 * The only place (with ./deploy-commands.ts) that imports discord.js. Gateway intent `Guilds`
 * only: slash commands need no privileged intents. `DISCORD_API_BASE` points REST (and so the
 * gateway lookup) elsewhere, which is how the tests drive the real client.
 */
import { Client, Events, GatewayIntentBits, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import type { DoorDeps, RunningDoor } from '../door.js';
import { chatOf, isAdminOf, optionsOf, userOf } from './requests.js';
import { discordCaps, InteractionReplier } from './replier.js';
import { SentMessages } from './sent-messages.js';

/** Starts the Discord door; resolves once the gateway said READY. */
export async function startDiscordDoor(deps: DoorDeps): Promise<RunningDoor> {
  const { config, bot, log } = deps;
  const discord = config.discord;
  if (!discord) throw new Error('startDiscordDoor: DISCORD_TOKEN and DISCORD_APP_ID are not set');
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [], repliedUser: false },
    rest: discord.apiBase ? { api: discord.apiBase } : {},
  });
  const sent = new SentMessages();
  const caps = discordCaps(config.uploadMaxBytes);
  const inFlight = new Set<Promise<unknown>>();
  let stopping = false;

  const track = (p: Promise<unknown>): void => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const chat = chatOf(i);
    // Defer on the next tick: an answer ready at once (a user's mistake, /help) still goes out
    // as the reply itself (ephemeral when private); anything that waits for the pool is deferred
    // well inside Discord's 3 seconds.
    const reply = new InteractionReplier(i, { chat, caps, sent, log, autoDeferMs: 0 });
    const { options, attachments } = optionsOf(i);
    await bot.command({
      chat,
      user: userOf(i),
      command: i.commandName,
      options,
      attachments,
      isAdmin: isAdminOf(i),
      reply,
    });
    await reply.settle();
  }

  async function onButton(i: ButtonInteraction): Promise<void> {
    const chat = chatOf(i);
    const reply = new InteractionReplier(i, { chat, caps, sent, log });
    await bot.action({ chat, user: userOf(i), actionId: i.customId, message: { chat, id: i.message.id }, reply });
    await reply.settle();
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const lang = bot.langFor(chatOf({ guildId: i.guildId, channelId: i.channelId }), { id: i.user.id, name: i.user.username, locale: i.locale });
    const choices = bot.autocomplete(i.commandName, focused.name, String(focused.value), lang).slice(0, 25);
    await i.respond(choices.map((c) => ({ name: Array.from(c.label).slice(0, 100).join(''), value: c.value.slice(0, 100) })));
  }

  client.on(Events.InteractionCreate, (i: Interaction) => {
    if (stopping) return;
    let work: Promise<void> | undefined;
    if (i.isChatInputCommand()) work = onCommand(i);
    else if (i.isButton()) work = onButton(i);
    else if (i.isAutocomplete()) work = onAutocomplete(i);
    if (!work) return;
    track(
      work.catch((e: unknown) => {
        // The bot layer answers users' mistakes itself; what reaches here is a platform failure.
        log.error({ door: 'discord', err: e instanceof Error ? { name: e.name, message: e.message } : String(e) }, 'interaction failed');
      }),
    );
  });
  client.on(Events.Error, (e) => log.error({ door: 'discord', err: { name: e.name, message: e.message } }, 'client error'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(discord.token);
  await ready;
  log.info({ door: 'discord', user: client.user?.tag }, 'discord door ready');

  return {
    name: 'discord',
    async stop(): Promise<void> {
      stopping = true;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((r) => setTimeout(r, 5000).unref())]);
      await client.destroy();
    },
  };
}
