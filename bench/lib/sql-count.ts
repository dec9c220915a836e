import pg from 'pg';

/** Statement text (parameters stripped) → how often it ran and its total wall time. */
const statements = new Map<string, { n: number; ms: number }>();

/**
 * BENCH_COUNT_SQL=1: counts every statement node-postgres sends in this process, by text.
 * A diagnosis aid (which path sends what, how often), not part of any figure.
 */
export function installSqlCounter() {
  if (process.env.BENCH_COUNT_SQL !== '1') return;
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    const text = (typeof first === 'string' ? first : (first?.text ?? '?'))
      .replace(/\$\d+(, )?/g, '')
      .slice(0, 200);
    const t0 = performance.now();
    const result = query.apply(this, args);
    const done = () => {
      const s = statements.get(text) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += performance.now() - t0;
      statements.set(text, s);
    };
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(done, done);
    else done();
    return result;
  } as typeof pg.Client.prototype.query;
}

export function sqlCounts(top = 60) {
  return [...statements]
    .sort((a, b) => b[1].n - a[1].n)
    .slice(0, top)
    .map(([text, s]) => ({ n: s.n, avgMs: Number((s.ms / s.n).toFixed(2)), text }));
}
