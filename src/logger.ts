import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * One JSON logger for every role. Secrets that might ride along in objects are redacted by
 * path so a careless `log.info({ config })` does not leak them.
 */
export function createLogger(
  level: string,
  base: Record<string, unknown> = {},
  destination?: pino.DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'pesandesa', ...base },
    redact: {
      paths: [
        'DATABASE_URL',
        'REDIS_URL',
        'ADMIN_TOKEN',
        'DOCUMENT_LINK_SECRET',
        'TELEGRAM_BOT_TOKEN',
        'WHATSAPP_ACCESS_TOKEN',
        'WHATSAPP_APP_SECRET',
        'WHATSAPP_VERIFY_TOKEN',
        '*.WHATSAPP_ACCESS_TOKEN',
        '*.WHATSAPP_APP_SECRET',
        'TELEGRAM_WEBHOOK_SECRET',
        '*.TELEGRAM_BOT_TOKEN',
        '*.TELEGRAM_WEBHOOK_SECRET',
        '*.DOCUMENT_LINK_SECRET',
        '*.DATABASE_URL',
        '*.REDIS_URL',
        '*.ADMIN_TOKEN',
        'req.headers.authorization',
        'req.headers.cookie',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** The message of whatever was thrown (an Error's message, or the value as text). */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
