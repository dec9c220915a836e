import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryCompiler,
  type QueryResult,
  sql,
  type TransactionSettings,
} from 'kysely';
import pg from 'pg';
import { storableText, storableValue } from '../domain/text.js';
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
  const db = new Kysely<Database>({ dialect: new StorableTextDialect({ pool }) });
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

/**
 * JSON text for a jsonb column. jsonb refuses `\u0000` and escaped lone surrogates, which
 * JSON.stringify writes for such characters in a string; those strings are cleaned first. The
 * check is on the finished text, so ordinary values are stringified once.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return /\\u(?:0000|d[89a-f])/i.test(text) ? JSON.stringify(storableValue(value)) : text;
}

/**
 * The last guard before PostgreSQL: a text parameter with NUL (which PostgreSQL refuses) is
 * cleaned instead of failing the statement, whatever path it came by (a console form, a query
 * string, a platform's status callback). Without it one such character from outside turns a
 * request into a 5xx, and a webhook into a retry loop.
 */
class StorableTextDialect extends PostgresDialect {
  override createDriver(): Driver {
    return new StorableTextDriver(super.createDriver());
  }
}

function storableParameters(query: CompiledQuery): CompiledQuery {
  const unstorable = (p: unknown) => typeof p === 'string' && storableText(p) !== p;
  if (!query.parameters.some(unstorable)) return query;
  const parameters = query.parameters.map((p) => (typeof p === 'string' ? storableText(p) : p));
  return { ...query, parameters };
}

class StorableTextConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}
  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.inner.executeQuery<R>(storableParameters(query));
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(storableParameters(query), chunkSize);
  }
}

class StorableTextDriver implements Driver {
  // The inner driver keeps one connection object per pg client; so does this wrapper.
  private readonly wrapped = new WeakMap<DatabaseConnection, StorableTextConnection>();
  constructor(private readonly inner: Driver) {}
  init() {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    let w = this.wrapped.get(conn);
    if (!w) {
      w = new StorableTextConnection(conn);
      this.wrapped.set(conn, w);
    }
    return w;
  }
  // PostgresDriver has all three; the interface marks them optional.
  private savepoints(): Required<Pick<Driver, 'savepoint' | 'rollbackToSavepoint' | 'releaseSavepoint'>> {
    const { savepoint, rollbackToSavepoint, releaseSavepoint } = this.inner;
    if (!savepoint || !rollbackToSavepoint || !releaseSavepoint) throw new Error('driver has no savepoints');
    return {
      savepoint: savepoint.bind(this.inner),
      rollbackToSavepoint: rollbackToSavepoint.bind(this.inner),
      releaseSavepoint: releaseSavepoint.bind(this.inner),
    };
  }
  private unwrap(conn: DatabaseConnection): DatabaseConnection {
    return conn instanceof StorableTextConnection ? conn.inner : conn;
  }
  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings) {
    return this.inner.beginTransaction(this.unwrap(conn), settings);
  }
  commitTransaction(conn: DatabaseConnection) {
    return this.inner.commitTransaction(this.unwrap(conn));
  }
  rollbackTransaction(conn: DatabaseConnection) {
    return this.inner.rollbackTransaction(this.unwrap(conn));
  }
  savepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.savepoints().savepoint(this.unwrap(conn), name, compile);
  }
  rollbackToSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.savepoints().rollbackToSavepoint(this.unwrap(conn), name, compile);
  }
  releaseSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    return this.savepoints().releaseSavepoint(this.unwrap(conn), name, compile);
  }
  releaseConnection(conn: DatabaseConnection) {
    return this.inner.releaseConnection(this.unwrap(conn));
  }
  destroy() {
    return this.inner.destroy();
  }
}
