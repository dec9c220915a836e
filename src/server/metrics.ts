import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { QUEUE_NAMES, type QueueSet } from '../queue/queues.js';
import { sameSecret } from '../runtime/secrets.js';
import { metricCounts } from '../store/metrics.js';
import type { Database } from '../store/schema.js';
import type { AppEnv } from './app.js';

/**
 * /metrics in the Prometheus text format, read from Postgres and Redis at scrape time (no
 * counters kept in the engine, so every role and restart reports the same truth). Guarded by a
 * bearer token: METRICS_TOKEN, or a secret generated under DATA_DIR (metrics-token.secret).
 */
export interface MetricsDeps {
  db: Kysely<Database>;
  queues: QueueSet;
  now: () => Date;
  token: string;
}

function authorized(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim();
  return !!given && sameSecret(given, token);
}

const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

class Exposition {
  private readonly lines: string[] = [];
  metric(
    name: string,
    type: 'counter' | 'gauge',
    help: string,
    samples: Array<[Record<string, string>, number]>,
  ) {
    this.lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) {
      const l = Object.entries(labels)
        .map(([k, v]) => `${k}="${label(v)}"`)
        .join(',');
      this.lines.push(`${name}${l ? `{${l}}` : ''} ${Number.isFinite(value) ? value : 0}`);
    }
  }
  toString() {
    return `${this.lines.join('\n')}\n`;
  }
}

export async function renderMetrics(deps: Omit<MetricsDeps, 'token'>): Promise<string> {
  const now = deps.now();
  const counts = await metricCounts(deps.db, now);
  const queues = await Promise.all(
    QUEUE_NAMES.map(async (name) => {
      const q = deps.queues.get(name);
      const jobCounts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
      const [oldest] = await q.getJobs(['wait'], 0, 0, true);
      // BullMQ stamps jobs with the wall clock, so their age is measured with it too.
      return { name, jobCounts, oldestAge: oldest ? (Date.now() - oldest.timestamp) / 1000 : 0 };
    }),
  );

  const m = new Exposition();
  m.metric(
    'pesandesa_turns_processed_total',
    'counter',
    'Inbound messages whose conversational turn committed, by channel.',
    counts.turns.map((t) => [{ channel: t.channel }, t.processed]),
  );
  m.metric(
    'pesandesa_inbound_received_total',
    'counter',
    'Inbound messages recorded (deduplicated), by channel.',
    counts.turns.map((t) => [{ channel: t.channel }, t.received]),
  );
  m.metric(
    'pesandesa_outbox_pending',
    'gauge',
    'Outbox rows waiting to be sent: due now, or held (quiet hours).',
    [
      [{ state: 'due' }, counts.pendingDue],
      [{ state: 'held' }, counts.pendingHeld],
    ],
  );
  m.metric(
    'pesandesa_outbox_oldest_due_age_seconds',
    'gauge',
    'Age of the oldest outbox row that is due and not yet sent (0 when none).',
    [[{}, counts.oldestDue ? Math.max(0, (now.getTime() - counts.oldestDue.getTime()) / 1000) : 0]],
  );
  m.metric(
    'pesandesa_outbox_messages',
    'gauge',
    'Outbox rows by channel and delivery result (pending, sending, sent, delivered, read, failed, dead).',
    counts.outbox.map((o) => [{ channel: o.channel, status: o.status }, o.count]),
  );
  m.metric(
    'pesandesa_queue_jobs',
    'gauge',
    'BullMQ jobs by queue and state.',
    queues.flatMap((q) =>
      (['waiting', 'active', 'delayed', 'failed', 'prioritized'] as const).map(
        (state) => [{ queue: q.name, state }, q.jobCounts[state] ?? 0] as [Record<string, string>, number],
      ),
    ),
  );
  m.metric(
    'pesandesa_queue_oldest_waiting_age_seconds',
    'gauge',
    'Age of the oldest waiting job per queue (0 when none wait).',
    queues.map((q) => [{ queue: q.name }, q.oldestAge]),
  );
  return m.toString();
}

export function mountMetrics(app: Hono<AppEnv>, deps: MetricsDeps) {
  app.get('/metrics', async (c) => {
    if (!authorized(c.req.header('authorization'), deps.token)) {
      c.header('www-authenticate', 'Bearer realm="metrics"');
      return c.json({ error: 'unauthorized', message: 'A valid metrics token is required.' }, 401);
    }
    return c.body(await renderMetrics(deps), 200, {
      'content-type': 'text/plain; version=0.0.4; charset=utf-8',
      'cache-control': 'no-store',
    });
  });
}
