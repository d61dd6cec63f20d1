/**
 * DNS rebinding: a web page on `evil.example` can make its own name resolve to 127.0.0.1, and
 * then the browser sends the page's requests to this server as same-origin ones (the Origin
 * check passes: Origin and Host both say `evil.example`). A chat served on loopback has no
 * access code, so the Host header is what tells such a request apart: on loopback only loopback
 * names are answered.
 */
import { isLoopback } from '../../config.js';
import { ApiError } from './api-error.js';

/** The host name of a Host header (`[::1]:8787` -> `::1`), or undefined when it does not parse. */
export function hostNameOf(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  try {
    return new URL(`http://${header}`).hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  } catch {
    return undefined;
  }
}

/** True for names that can only mean this machine: `localhost` (and `*.localhost`), 127.x.x.x, ::1. */
export function isLoopbackName(name: string): boolean {
  return isLoopback(name) || name.endsWith('.localhost');
}

/**
 * Refuses a request whose Host is not a loopback name, when the server listens on loopback
 * (`bindHost`). A server bound to another address is guarded by its access code instead.
 */
export function checkHost(bindHost: string, header: string | undefined): void {
  if (!isLoopback(bindHost)) return;
  const name = hostNameOf(header);
  if (name !== undefined && isLoopbackName(name)) return;
  const shown = (header ?? '').slice(0, 100);
  throw new ApiError(403, 'bad_host', {
    en: `This chat answers only at 127.0.0.1 or localhost, not at "${shown}". Open the address gradbot printed when it started.`,
    ru: `Этот чат отвечает только по адресу 127.0.0.1 или localhost, а не "${shown}". Откройте адрес, который gradbot напечатал при запуске.`,
  });
}
