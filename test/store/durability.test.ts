import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('durable');
afterAll(() => tmp.cleanup());

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURE = join(import.meta.dirname, 'fixtures', 'record-and-ack.ts');

/** Runs the fixture, SIGKILLs it the moment it prints `ack <id>`, and returns the id and WAL size then. */
function recordThenKill(path: string): Promise<{ id: number; walBytes: number; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, path], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let acked: { id: number; walBytes: number } | undefined;
    // A child that never acknowledges must not outlive the test.
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (err += d));
    child.stdout.on('data', (d: string) => {
      out += d;
      const m = /^ack (\d+)$/m.exec(out);
      if (m !== null && acked === undefined) {
        child.kill('SIGKILL');
        acked = { id: Number(m[1]), walBytes: existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0 };
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (acked === undefined) reject(new Error(`the child exited without an ack: ${err || out}`));
      else resolve({ ...acked, signal });
    });
  });
}

describe('durability', () => {
  it('an acknowledged attempt survives SIGKILL right after the ack', async () => {
    const path = join(tmp.dir, 'nested', 'gradbot.db');
    const { id, walBytes, signal } = await recordThenKill(path);
    expect(signal).toBe('SIGKILL');
    // The commit sat in the WAL, not yet checkpointed into the main file: recovery must replay it.
    expect(walBytes).toBeGreaterThan(0);

    const store = openStore(path);
    try {
      expect(store.attempts.forChat('local:durable')).toEqual([
        {
          id,
          chat: 'local:durable',
          user: 'local:kill-me',
          userName: 'Убиваемый 💀',
          questionId: 'backprop:17:2',
          topic: 'backprop',
          answer: "x'; --",
          correct: true,
          score: 1,
          hintsUsed: 0,
          counted: true,
          at: 1_700_000_000_000,
        },
      ]);
    } finally {
      store.close();
    }
  });
});
