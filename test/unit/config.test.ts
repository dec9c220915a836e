import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config/index.js';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected the configuration to be refused');
}

describe('configuration', () => {
  it('has working defaults for a one-box install', () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.ROLE).toBe('all');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.AREA_REGENCIES).toEqual(['32.14']);
    expect(config.DEFAULT_DIRECT_PURCHASE_MAX).toBe(10_000_000);
    expect(config.DEFAULT_RFQ_MAX).toBe(200_000_000);
    expect(config.TIME_ZONE).toBe('Asia/Jakarta');
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['ROLE', 'everything'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['REDIS_URL', 'not a url'],
    ['AREA_REGENCIES', '3214'],
    ['TIME_ZONE', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
    ['DEFAULT_QUIET_START', '25:00'],
    ['REDIS_AUTO_INSTALL', 'maybe'],
    ['ADMIN_TOKEN', 'short'],
    ['DB_POOL_MAX', '0'],
  ])('a bad %s (%s) is refused with a message naming it', (name, value) => {
    const err = errorOf({ [name]: value });
    expect(err.variables).toEqual([name]);
    expect(err.message).toContain(`${name}:`);
    expect(err.message).toContain(JSON.stringify(value));
  });

  it('names every bad variable at once', () => {
    const err = errorOf({ PORT: 'x', ROLE: 'y', HOST: 'ok' });
    expect(err.variables.sort()).toEqual(['PORT', 'ROLE']);
  });

  it('treats blank values as unset and trims spaces', () => {
    const config = parseConfig({ PORT: '  ', DATABASE_URL: '', HOST: ' 0.0.0.0 ' });
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.HOST).toBe('0.0.0.0');
  });

  it('reads several regencies', () => {
    expect(parseConfig({ AREA_REGENCIES: '32.14, 33.24' }).AREA_REGENCIES).toEqual(['32.14', '33.24']);
  });

  it('reads .env, and the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'PORT=4000\nHOST=0.0.0.0\n');
    const config = loadConfig(file, { HOST: '127.0.0.2' });
    expect(config.PORT).toBe(4000);
    expect(config.HOST).toBe('127.0.0.2');
  });

  it('refuses a bad value coming from .env too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pd-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'WORKER_CONCURRENCY=lots\n');
    expect(() => loadConfig(file, {})).toThrow(/WORKER_CONCURRENCY/);
  });
});

describe('.env.example', () => {
  it('lists every variable the configuration reads', async () => {
    const { readFileSync } = await import('node:fs');
    const { configSchema } = await import('../../src/config/schema.js');
    const listed = new Set(
      readFileSync('.env.example', 'utf8')
        .split('\n')
        .map((l) => /^([A-Z0-9_]+)=/.exec(l)?.[1])
        .filter(Boolean),
    );
    expect(Object.keys(configSchema.shape).filter((k) => !listed.has(k))).toEqual([]);
  });
});
