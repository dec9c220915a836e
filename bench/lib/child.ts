import { type ChildProcess, fork } from 'node:child_process';
import { openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

/** Forks one of bench/lib's TypeScript scripts through tsx, with IPC. */
export function forkScript(
  name: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; execArgv?: string[]; logFile?: string } = {},
): ChildProcess {
  // The system logs at info like production does; into a file, so the table stays readable.
  const out = opts.logFile ? openSync(opts.logFile, 'w') : 'inherit';
  return fork(here(name), args, {
    execArgv: ['--import', 'tsx', ...(opts.execArgv ?? [])],
    env: opts.env ?? process.env,
    stdio: ['ignore', out, out, 'ipc'],
  });
}

/** The next IPC message of `type` from the child, or an error if it exits or times out first. */
export function nextMessage<T>(child: ChildProcess, type: string | null, timeoutMs: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (msg: unknown) => {
      if (type === null || (msg as { type?: string }).type === type) done(null, msg as T);
    };
    const onExit = (code: number | null) => done(new Error(`child exited (${code}) before "${type}"`));
    const done = (err: Error | null, value?: T) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(value as T);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Asks the system child to stop; kills it if it does not within the time given. */
export async function stopChild(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.send({ type: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}
