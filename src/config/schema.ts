import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

const regencyCode = z.string().regex(/^\d{2}\.\d{2}$/, 'expected a regency code like 32.14');

/** Checks an IANA zone name with the runtime's own tz database. */
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'expected an IANA time zone such as Asia/Jakarta');

const url = (protocols: string[]) =>
  z
    .string()
    .refine(
      (u) => URL.canParse(u) && protocols.includes(new URL(u).protocol),
      `expected a ${protocols.map((p) => p.replace(':', '://')).join(' or ')} URL`,
    );

/**
 * Every setting, from the environment. Empty strings count as unset so a `.env` copied from
 * `.env.example` with blank lines behaves like no value at all.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE: z.enum(['all', 'server', 'worker']).default('all'),

  HOST: z.string().min(1).default('127.0.0.1'),
  // 0 asks the OS for a free port (tests, several instances on one machine).
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: url(['https:', 'http:']).optional(),

  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  EMBEDDED_PG_PORT: port.default(54329),
  EMBEDDED_REDIS_PORT: port.default(6390),
  REDIS_AUTO_INSTALL: bool.default(true),

  DB_POOL_MAX: positiveInt.max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: positiveInt.default(5000),
  DB_STATEMENT_TIMEOUT_MS: positiveInt.default(15000),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default('pd'),
  WORKER_CONCURRENCY: positiveInt.max(500).default(20),
  // A job whose worker died is taken by another worker after this long (BullMQ's lock, renewed
  // every half of it while the job runs; the stalled-job check runs at the same interval).
  QUEUE_LOCK_MS: positiveInt.min(1000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(15000),
  // How often the outbox sweeper looks for messages that never reached the queue.
  OUTBOX_SWEEP_INTERVAL_MS: positiveInt.default(5000),
  // A message still `sending` after this long lost its worker (a crash) and is sent again.
  OUTBOX_LEASE_MS: positiveInt.min(1000).default(120_000),

  AREA_REGENCIES: z
    .string()
    .default('32.14')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(regencyCode).min(1)),
  TIME_ZONE: timeZone.default('Asia/Jakarta'),
  DEFAULT_LOCALE: z.enum(['id', 'en']).default('id'),

  // Defaults for a regency that has not set its own rules yet (PRODUCT.md: PBJ Desa defaults).
  DEFAULT_DIRECT_PURCHASE_MAX: positiveInt.default(10_000_000),
  DEFAULT_RFQ_MAX: positiveInt.default(200_000_000),
  DEFAULT_MIN_QUOTES_RFQ: positiveInt.max(10).default(2),
  DEFAULT_MIN_QUOTES_OPEN: positiveInt.max(20).default(3),
  DEFAULT_QUIET_START: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .default('21:00'),
  DEFAULT_QUIET_END: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')
    .default('06:00'),
  MIN_QUOTE_WINDOW_MINUTES: positiveInt.default(60),
  // Ceiling for any amount typed in a chat (HPS, quotes, payments): above it is a typo.
  QUOTE_MAX_RUPIAH: positiveInt.default(100_000_000_000),
  // A flow left this long is offered to be continued or restarted, once, on the next message.
  CONVERSATION_IDLE_MINUTES: positiveInt.default(60),
  // Inbound turns per chat: a sustained rate and a burst (a flooding chat is slowed, others are
  // not; over it a message is recorded but not run, with one "slow down" per minute). 0 = off.
  INBOUND_RATE_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(120),
  INBOUND_BURST: positiveInt.max(100_000).default(60),

  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),

  // Telegram: a bot token from @BotFather turns the channel on.
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'expected a bot token like 123456:ABC-DEF…')
    .optional(),
  TELEGRAM_MODE: z.enum(['webhook', 'polling']).default('webhook'),
  TELEGRAM_API_ROOT: url(['https:', 'http:']).default('https://api.telegram.org'),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'expected 16-256 letters, digits, _ or -')
    .optional(),
  TELEGRAM_RATE_PER_SECOND: positiveInt.max(1000).default(25),
  // WhatsApp: 'web' drives a linked phone through whatsapp-web.js; 'cloud' the official Cloud API.
  WHATSAPP_MODE: z.enum(['off', 'web', 'cloud']).default('off'),
  // WhatsApp Web: the system Chromium puppeteer drives (its own browser is never downloaded).
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  // Linked accounts that send fast get banned: one message per interval, plus random jitter.
  WHATSAPP_WEB_SEND_INTERVAL_MS: positiveInt.min(50).max(600_000).default(3000),
  WHATSAPP_WEB_SEND_JITTER_MS: z.coerce.number().int().min(0).max(600_000).default(2000),
  // Reconnect backoff after the phone's session drops: doubles from the first to the cap.
  WHATSAPP_WEB_RECONNECT_MIN_MS: positiveInt.max(600_000).default(2000),
  WHATSAPP_WEB_RECONNECT_MAX_MS: positiveInt.max(3_600_000).default(300_000),
  WHATSAPP_API_ROOT: url(['https:', 'http:']).default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'expected a Graph API version like v21.0')
    .default('v21.0'),
  WHATSAPP_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{5,20}$/, 'expected the numeric phone number id')
    .optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(20, 'must be at least 20 characters').optional(),
  WHATSAPP_APP_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  WHATSAPP_RATE_PER_SECOND: positiveInt.max(1000).default(20),
  // Approved templates for messages outside the 24-hour window, by purpose.
  WHATSAPP_TEMPLATE_ALERT: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, 'expected a template name')
    .optional(),
  WHATSAPP_TEMPLATE_REMINDER: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, 'expected a template name')
    .optional(),
  WHATSAPP_TEMPLATE_DEFAULT: z
    .string()
    .regex(/^[a-z0-9_]{1,512}$/, 'expected a template name')
    .optional(),
  WHATSAPP_TEMPLATE_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'expected a language code like id')
    .default('id'),
  TELEGRAM_RATE_PER_CHAT_PER_SECOND: z.coerce.number().positive().max(30).default(1),
  // Signs the links to order documents sent in chats; generated once under DATA_DIR when unset.
  DOCUMENT_LINK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DOCUMENT_LINK_DAYS: positiveInt.max(365).default(30),

  // Admin console: idle session lifetime; cookie Secure flag (unset: on when PUBLIC_URL is https);
  // client IP from X-Forwarded-For behind a reverse proxy; failed logins allowed per window.
  CONSOLE_SESSION_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  CONSOLE_COOKIE_SECURE: bool.optional(),
  CONSOLE_TRUST_PROXY: bool.default(false),
  CONSOLE_LOGIN_WINDOW_MINUTES: positiveInt.max(24 * 60).default(15),
  CONSOLE_LOGIN_MAX_PER_ACCOUNT: positiveInt.max(1000).default(5),
  CONSOLE_LOGIN_MAX_PER_IP: positiveInt.max(100_000).default(30),

  // Bearer token for GET /metrics (Prometheus); generated under DATA_DIR (metrics-token.secret) when unset.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // OCDS: the ocid prefix registered with the Open Contracting Partnership (ocds-xxxxxx is a
  // placeholder until the province registers one) and the publisher named in the packages.
  OCDS_OCID_PREFIX: z
    .string()
    .regex(/^ocds-[a-z0-9]{6}$/, 'expected a prefix like ocds-a1b2c3')
    .default('ocds-xxxxxx'),
  OCDS_PUBLISHER_NAME: z.string().min(1).max(200).default('PesanDesa'),
});

export type Config = z.infer<typeof configSchema>;
