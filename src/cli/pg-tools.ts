import { spawn } from 'node:child_process';

/**
 * How to reach a database with the PostgreSQL client tools: host, port, user and database as
 * arguments, the password in PGPASSWORD — never on the command line, where `ps` would show it.
 */
export function pgConnection(databaseUrl: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(databaseUrl);
  const args = [
    `--host=${decodeURIComponent(u.hostname)}`,
    `--port=${u.port || '5432'}`,
    `--username=${decodeURIComponent(u.username || 'postgres')}`,
    `--dbname=${decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres'}`,
  ];
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return { args, env };
}

/** Runs a client tool; resolves with its stderr, rejects with a sentence naming the tool. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === 'ENOENT'
            ? `${tool} was not found: install the PostgreSQL client of the server's major version (Debian: apt-get install postgresql-client).`
            : `${tool} could not start: ${err.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(stderr) : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
