import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ dataDir: './data', lang: 'en', jobTimeoutMs: 60_000, workerMemoryMb: 512 });
    expect(c.workers).toBeUndefined();
  });

  it('parses numbers and treats empty strings as unset', () => {
    const c = loadConfig({ GRADBOT_WORKERS: '3', GRADBOT_JOB_TIMEOUT_S: '5', GRADBOT_LANG: '' });
    expect(c.workers).toBe(3);
    expect(c.jobTimeoutMs).toBe(5000);
    expect(c.lang).toBe('en');
  });

  it('names every bad variable without echoing its value', () => {
    let err: unknown;
    try {
      loadConfig({ GRADBOT_LANG: 'secret-value-de', GRADBOT_WORKERS: 'zero' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const m = (err as Error).message;
    expect(m).toContain('GRADBOT_LANG');
    expect(m).toContain('GRADBOT_WORKERS');
    expect(m).not.toContain('secret-value-de');
  });
});
