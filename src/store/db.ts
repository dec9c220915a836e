import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

// bigint columns hold rupiah and ids; both stay far below 2^53, so they are read as numbers,
// and a value that would lose precision fails loudly instead of rounding money.
const toSafeNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${value} is beyond the safe range`);
  return n;
};
pg.types.setTypeParser(pg.types.builtins.INT8, toSafeNumber);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => Number(v));

export interface DbOptions {
  url: string;
  poolMax?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
}

export interface Db {
  db: Kysely<Database>;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDb(opts: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolMax ?? 10,
    // node-postgres would otherwise wait forever for a connection when the server is gone.
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    statement_timeout: opts.statementTimeoutMs ?? 15000,
    idle_in_transaction_session_timeout: 60000,
    application_name: opts.applicationName ?? 'pesandesa',
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  // The pool listens only to idle clients: one checked out (a transaction between statements)
  // whose server goes away emits 'error' with no listener, which would crash the process
  // (test/faults/postgres-outage.test.ts). Its next query fails instead, and the pool discards
  // the broken client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
}

/** The cheapest round trip: readiness asks it. */
export async function ping(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}
