import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../src/log.js';

const TOKEN = '123456:AAE-secret_token_value';
const DISCORD = 'discord.token.value.that.is.long';
const CODE = 'letmein-2718';

function capture(level = 'debug') {
  const lines: Array<Record<string, unknown>> = [];
  let raw = '';
  const dest = new Writable({
    write(chunk: Buffer, _enc, cb) {
      raw += chunk.toString('utf8');
      for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  const log = createLogger(
    {
      logLevel: level,
      telegram: { token: TOKEN, apiRoot: undefined },
      discord: { token: DISCORD, appId: '123456789012345678', guildId: undefined, apiBase: undefined },
      local: { enabled: true, host: '0.0.0.0', port: 8787, accessCode: CODE },
    },
    dest,
  );
  return { log, lines, raw: () => raw };
}

describe('createLogger', () => {
  it('redacts secret-named fields wherever they sit', () => {
    const { log, lines } = capture();
    log.info({ token: 'a', config: { telegram: { token: 'b' }, local: { accessCode: 'c' } }, req: { headers: { 'x-access-code': 'd', cookie: 'e', authorization: 'f' } } }, 'hello');
    expect(lines[0]).toMatchObject({
      msg: 'hello',
      token: REDACTED,
      config: { telegram: { token: REDACTED }, local: { accessCode: REDACTED } },
      req: { headers: { 'x-access-code': REDACTED, cookie: REDACTED, authorization: REDACTED } },
    });
  });

  it('cuts the configured secrets out of messages, nested strings and errors', () => {
    const { log, lines, raw } = capture();
    const err = new Error(`request to https://api.telegram.org/bot${TOKEN}/getMe failed`);
    log.error({ err, detail: [`x ${DISCORD} y`, { deep: `code ${CODE}` }] }, `failed with ${CODE}`);
    log.warn(`formatted %s`, TOKEN);
    expect(raw()).not.toContain(TOKEN);
    expect(raw()).not.toContain(DISCORD);
    expect(raw()).not.toContain(CODE);
    expect(lines[0]?.msg).toBe(`failed with ${REDACTED}`);
    expect((lines[0]?.err as { message: string }).message).toBe(`request to https://api.telegram.org/bot${REDACTED}/getMe failed`);
    expect(lines[0]?.detail).toEqual([`x ${REDACTED} y`, { deep: `code ${REDACTED}` }]);
    expect(lines[1]?.msg).toBe(`formatted ${REDACTED}`);
  });

  it('logs at the configured level', () => {
    const { log, lines } = capture('warn');
    log.info({}, 'quiet');
    log.warn({}, 'loud');
    expect(lines.map((l) => l.msg)).toEqual(['loud']);
  });
});
