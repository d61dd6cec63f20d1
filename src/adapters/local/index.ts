/**
 * The local web chat door: what `npm start` opens when no token is set. A class group chat and
 * a private chat per student in one page, over the HTTP API of ./server.ts.
 *
 * ```ts
 * const door = await startLocalDoor({ config, bot, log });
 * console.log(door.url); // http://127.0.0.1:8787
 * await door.stop();
 * ```
 */
import type { AddressInfo } from 'node:net';
import type { DoorDeps, RunningDoor } from '../door.js';
import { buildLocalServer, type LocalServer, type LocalServerOptions } from './server.js';

export { DEFAULT_LIMITS, type LocalLimits, type LocalServerOptions } from './server.js';
export type { WireMessage, WireSpan } from './wire.js';

/** A started local door. */
export interface RunningLocalDoor extends RunningDoor {
  /** Where the page is, e.g. `http://127.0.0.1:8787`. */
  url: string;
  /** The server's parts (tests). */
  server: LocalServer;
}

/** `http://host:port`, with IPv6 hosts in brackets. */
export function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Starts the local chat on `config.local.host:port` (port 0: any free port) and logs its address. */
export async function startLocalDoor(deps: DoorDeps, options: LocalServerOptions = {}): Promise<RunningLocalDoor> {
  const server = await buildLocalServer(deps, options);
  await server.app.listen({ host: deps.config.local.host, port: deps.config.local.port });
  const port = (server.app.server.address() as AddressInfo).port;
  const url = urlFor(deps.config.local.host, port);
  deps.log.info({ url, accessCodeRequired: deps.config.local.accessCode !== undefined }, 'local chat listening');
  let stopped: Promise<void> | undefined;
  return {
    name: 'local',
    url,
    server,
    stop() {
      stopped ??= server.app.close();
      return stopped;
    },
  };
}
