import type { Logger } from '../../src/logger.js';
import type { BenchServices } from './services.js';
import type { Row } from './stats.js';

export interface BenchContext {
  services: BenchServices;
  log: Logger;
  quick: boolean;
  /** --profile: the system child writes a CPU profile under .data/bench/profiles. */
  profile: boolean;
  /** Named options from the command line (--fanout-cap=250 → { 'fanout-cap': '250' }). */
  options: Record<string, string>;
  progress(message: string): void;
}

export interface ScenarioResult {
  rows: Row[];
  /** Everything else worth keeping with the table: counts, checks, plans, settings. */
  details: Record<string, unknown>;
}

export const BOT_TOKEN = '123456:bench-token-abcdefghijklmnopqrstuvwxyz';
export const WEBHOOK_SECRET = 'bench-webhook-secret-0123456789';
export const DOCUMENT_SECRET = 'bench-document-secret-0123456789abcdef';

/** The environment of a system started by the benchmark: given services, Telegram at the fake. */
export function systemEnv(opts: {
  databaseUrl: string;
  redisUrl: string;
  telegramApiRoot: string;
  role: 'all' | 'server' | 'worker';
  prefix: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    ROLE: opts.role,
    DATA_DIR: '.data/bench/child',
    DATABASE_URL: opts.databaseUrl,
    REDIS_URL: opts.redisUrl,
    QUEUE_PREFIX: opts.prefix,
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_MODE: 'webhook',
    TELEGRAM_API_ROOT: opts.telegramApiRoot,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    DOCUMENT_LINK_SECRET: DOCUMENT_SECRET,
    // The per-chat inbound limit stays on (its Redis check is part of every turn's cost) but
    // high: 64 chats carrying 600 turns/s each send ~10 a second, far above a person's pace.
    INBOUND_RATE_PER_MINUTE: '100000',
    INBOUND_BURST: '100000',
    ...opts.extra,
  };
}
