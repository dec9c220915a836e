import type { Hono } from 'hono';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { WaClientFactory } from '../bots/whatsapp-web/client.js';
import type { Clock } from './clock.js';
import type { Config } from './config/index.js';
import type { Engine } from './conversation/engine.js';
import type { ChannelAdapter } from './conversation/types.js';
import type { Logger } from './logger.js';
import type { AppEnv } from './server/app.js';
import type { ChannelLink } from './server/channel-status.js';
import type { Database } from './store/schema.js';

/** What a process runs: everything, only HTTP, or only the workers. */
export type Role = 'all' | 'server' | 'worker';

/** Stand-ins for outside services, given by tests. */
export interface SystemOverrides {
  /** A stand-in for whatsapp-web.js; the real client otherwise. */
  whatsappWeb?: WaClientFactory;
}

/** What a channel is given to start with, whatever the role. */
export interface ChannelContext {
  config: Config;
  log: Logger;
  role: Role;
  clock: Clock;
  engine: Engine;
  db: Kysely<Database>;
  /** Redis for plain commands (never blocking ones). */
  redis: Redis;
  /** Redis for health and status reads (fails fast). */
  probe: Redis;
  /** A secret kept under DATA_DIR when the configuration gives none. */
  secret(file: string, configured: string | undefined): Promise<string>;
  overrides: SystemOverrides;
}

/** A channel as one process runs it; each part only where the role needs it. */
export interface ChannelInstance {
  /** Sends messages; used by the delivery workers (roles `all` and `worker`). */
  adapter?: ChannelAdapter;
  /** Its webhook routes (roles `all` and `server`). */
  mount?(app: Hono<AppEnv>): void;
  /** Once the HTTP server listens: register a webhook, start polling (roles `all`, `server`). */
  serving?(): Promise<void>;
  /** Its link state for /readyz and the console (e.g. a linked phone). */
  status?(): Promise<ChannelLink[]>;
  stop?(): Promise<void>;
}

/**
 * One chat channel: its folder under bots/ exports one of these, and src/system.ts starts every
 * one in CHANNEL_MODULES (bots/index.ts). `open` reads the channel's own settings and answers
 * null when this install does not use it.
 */
export interface ChannelModule {
  name: string;
  open(ctx: ChannelContext): Promise<ChannelInstance | null>;
}
