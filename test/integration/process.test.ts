import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDb, type TestDb, testQueuePrefix } from '../support/db.js';

interface Started {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  ready: Record<string, unknown>;
  exit: Promise<number | null>;
}

/** Runs the real entry point as a separate process, as `npm start` would. */
function run(env: Record<string, string>, args: string[] = []): Started & { readyPromise: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const started = { child, lines: [] as Array<Record<string, unknown>>, ready: {} } as Started & {
    readyPromise: Promise<void>;
  };
  let buffer = '';
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d.toString();
  });
  started.exit = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  started.readyPromise = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in time; stderr: ${stderr}`)), 60_000);
    child.stdout?.on('data', (d) => {
      buffer += d.toString();
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        nl = buffer.indexOf('\n');
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          started.lines.push(parsed);
          if (parsed.msg === 'PesanDesa is ready') {
            started.ready = parsed;
            clearTimeout(timer);
            resolve();
          }
        } catch {
          // not a log line
        }
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready; stderr: ${stderr}`));
    });
  });
  return started;
}

describe('the pesandesa process', () => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createTestDb();
    env = { DATABASE_URL: t.url, REDIS_URL: inject('redisUrl'), PORT: '0', QUEUE_PREFIX: testQueuePrefix() };
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('serves, then shuts down cleanly on SIGTERM', { timeout: 90_000 }, async () => {
    const p = run(env);
    await p.readyPromise;
    expect(p.ready).toMatchObject({ role: 'all', workers: 4 });
    const url = String(p.ready.url);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.lines.map((l) => l.msg)).toContain('stopped');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('runs the worker role without an HTTP server', { timeout: 90_000 }, async () => {
    const p = run(env, ['worker']);
    await p.readyPromise;
    expect(p.ready).toMatchObject({ role: 'worker', url: null, workers: 4 });
    p.child.kill('SIGINT');
    expect(await p.exit).toBe(0);
  });

  it('refuses to start on a bad setting, naming it', { timeout: 30_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, ...env, PORT: 'tiga ribu' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += d.toString();
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('PORT');
  });
});
