/**
 * `src/main.ts` as a teacher runs it (`npm start`): a child process with a temp database and
 * a free port. It prints the chat's URL, answers, stops on SIGTERM with exit 0, and a bad
 * variable prints one clear line and exits 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'gradbot-main-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
});

/**
 * The child's environment from scratch: nothing of the test runner's (a token there would
 * start Telegram), and every door variable set empty so a developer's .env cannot set it
 * either (dotenv never overrides a variable that exists).
 */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? tmp,
    TELEGRAM_BOT_TOKEN: '',
    TELEGRAM_API_ROOT: '',
    DISCORD_TOKEN: '',
    DISCORD_APP_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_API_BASE: '',
    LOCAL_CHAT: '',
    LOCAL_HOST: '',
    LOCAL_ACCESS_CODE: '',
    GRADBOT_WORKERS: '1',
    GRADBOT_DATA_DIR: join(tmp, 'data'),
    LOG_LEVEL: 'info',
    ...extra,
  };
}

interface Run {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(extra: Record<string, string>): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, out: () => out, err: () => err, exited };
}

async function waitForLine(r: Run, re: RegExp, ms = 40_000): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const m = re.exec(r.out());
    if (m) return m;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.err()}`);
    if (Date.now() > deadline) throw new Error(`no ${re} in: ${r.out()}\n${r.err()}`);
    await new Promise((res) => setTimeout(res, 50));
  }
}

describe('npm start (src/main.ts)', () => {
  it('prints the local chat URL, answers, keeps the access code out of its log and exits 0 on SIGTERM', async () => {
    const db = join(tmp, 'start.db');
    const code = 'class-code-2718';
    const r = run({ LOCAL_PORT: '0', DATABASE_PATH: db, LOCAL_ACCESS_CODE: code });
    const m = await waitForLine(r, /gradbot local chat: (http:\/\/127\.0\.0\.1:(\d+))/);
    const url = m[1] as string;
    expect(Number(m[2])).toBeGreaterThan(0);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`${url}/api/commands`)).status).toBe(401);
    const cmds = (await (await fetch(`${url}/api/commands`, { headers: { 'x-access-code': code } })).json()) as { commands: Array<{ name: string }> };
    expect(cmds.commands.map((c) => c.name)).toEqual(expect.arrayContaining(['help', 'quiz', 'plot', 'train', 'round']));
    const posted = await fetch(`${url}/api/chats/class/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-access-code': code },
      body: JSON.stringify({ from: { id: 'u1', name: 'Ann' }, text: '/help', chatKind: 'group' }),
    });
    expect(posted.status).toBe(202);
    const deadline = Date.now() + 10_000;
    let texts: string[] = [];
    while (texts.length < 2 && Date.now() < deadline) {
      const list = (await (await fetch(`${url}/api/chats/class/messages`, { headers: { 'x-access-code': code } })).json()) as { messages: Array<{ text: string }> };
      texts = list.messages.map((x) => x.text);
      await new Promise((res) => setTimeout(res, 50));
    }
    expect(texts[0]).toBe('/help');
    expect(texts[1]).toContain('/quiz');

    const t0 = Date.now();
    r.child.kill('SIGTERM');
    const { code: exit } = await r.exited;
    expect(exit).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.out()).toContain('"msg":"stopped"');
    expect(r.out() + r.err()).not.toContain(code);
    expect(existsSync(db)).toBe(true);
  }, 60_000);

  it('prints one clear line per bad variable and exits 1, without a stack trace', async () => {
    const r = run({ LOCAL_PORT: 'eighty', GRADBOT_LANG: 'de', DATABASE_PATH: join(tmp, 'bad.db') });
    const { code } = await r.exited;
    expect(code).toBe(1);
    const lines = r.err().trim().split('\n');
    expect(lines[0]).toBe('Invalid configuration:');
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual(expect.arrayContaining(['- LOCAL_PORT', '- GRADBOT_LANG']));
    expect(lines).toHaveLength(3);
    expect(r.err()).not.toMatch(/\n\s+at /);
    expect(r.out()).toBe('');
    expect(existsSync(join(tmp, 'bad.db'))).toBe(false);
  }, 30_000);

  it('says so in one line when the port is taken', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((res) => blocker.listen(0, '127.0.0.1', () => res()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = run({ LOCAL_PORT: String(port), DATABASE_PATH: join(tmp, 'port.db') });
      const { code } = await r.exited;
      expect(code).toBe(1);
      expect(r.err()).toContain(`gradbot: the local chat cannot listen on 127.0.0.1:${port}: the port is taken. Set LOCAL_PORT`);
      expect(r.err()).not.toMatch(/\n\s+at /);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
