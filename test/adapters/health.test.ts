import { afterAll, describe, expect, it } from 'vitest';
import { startHealthServer } from '../../src/adapters/health.js';

describe('health server', () => {
  let ok = true;
  const started = startHealthServer(0, () => ({ ok, doors: ['telegram'] }));
  afterAll(async () => (await started).stop());

  it('answers GET /healthz with the probe and 503 when not ok', async () => {
    const { port } = await started;
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, doors: ['telegram'] });
    ok = false;
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/other`)).status).toBe(404);
  });
});
