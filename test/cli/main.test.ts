import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import type { CliIo } from '../../src/cli/shared.js';

function collect(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

describe('gradbot CLI dispatcher', () => {
  it('prints help with no arguments', async () => {
    const io = collect();
    expect(await main([], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Usage: gradbot <command>');
  });

  it('rejects an unknown command with exit code 2 and one line', async () => {
    const io = collect();
    expect(await main(['frobnicate'], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain('unknown command "frobnicate"');
  });

  it('an unknown command follows --lang ru and --json like every command', async () => {
    const ru = collect();
    expect(await main(['frobnicate', '--lang', 'ru'], ru)).toBe(2);
    expect(ru.stderr).toEqual([expect.stringContaining('неизвестная команда «frobnicate»')]);
    const json = collect();
    expect(await main(['frobnicate', '--json'], json)).toBe(2);
    expect(json.stderr).toEqual([]);
    expect(JSON.parse(json.stdout.join('\n'))).toEqual({ error: { code: 'cli.unknown_command', message: expect.stringContaining('"frobnicate"') } });
  });
});
