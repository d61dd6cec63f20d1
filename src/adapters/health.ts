/**
 * A loopback-only `GET /healthz` for when only the platform doors run (Docker's HEALTHCHECK
 * and process supervisors need something to ask). With the local chat on, its own `/healthz`
 * serves the same purpose and this server is not started.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningDoor } from './door.js';

/** What the check reports: each started door by name. */
export type HealthProbe = () => { ok: boolean; doors: string[] };

/** Starts the health server on 127.0.0.1:port (0 = any free port). */
export async function startHealthServer(port: number, probe: HealthProbe): Promise<RunningDoor & { port: number }> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' || path !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"not_found","message":"GET /healthz only"}}');
      return;
    }
    const state = probe();
    res.writeHead(state.ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify(state));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    name: 'health',
    port: (server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
