import { main } from '../../src/cli.js';

/** What one in-process `gradbot` run wrote: lines joined with "\n". */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `gradbot <argv>` in-process (same code path as the binary) and collects its output. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
