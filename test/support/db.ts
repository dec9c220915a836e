import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/store/db.js';

export interface TestDb extends Db {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of the test file's own: a copy of the migrated, seeded template (or an empty one),
 * so files never share state and can run in parallel.
 */
export async function createTestDb(opts: { empty?: boolean } = {}): Promise<TestDb> {
  const name = `pd_t_${randomBytes(5).toString('hex')}`;
  await admin((c) =>
    c.query(
      opts.empty ? `create database ${name}` : `create database ${name} template ${inject('templateDb')}`,
    ),
  );
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  const db = createDb({ url: url.toString(), poolMax: 5 });
  return {
    ...db,
    url: url.toString(),
    name,
    async drop() {
      await db.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** A BullMQ key prefix of the test's own, so queues of parallel files never meet. */
export function testQueuePrefix(): string {
  return `t${randomBytes(4).toString('hex')}`;
}
