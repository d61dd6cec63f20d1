/**
 * `node dist/healthcheck.js`: Docker's HEALTHCHECK. Asks the running bot's `/healthz` (the local
 * chat's when it is on, else the loopback health server) and exits 0 when it answers ok.
 */
import { loadConfig } from './config.js';

const config = loadConfig();
const port = config.local.enabled ? config.local.port : config.healthPort;
try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) });
  const body = (await res.json()) as { ok?: unknown };
  process.exitCode = res.ok && body.ok === true ? 0 : 1;
} catch {
  process.exitCode = 1;
}
