import type { Redis } from 'ioredis';
import type { Logger } from '../../src/logger.js';
import { errorMessage } from '../../src/logger.js';
import type { ChannelLink, ChannelStatus } from '../../src/server/channel-status.js';

/** A published state older than this means its process is gone. */
const TTL_SECONDS = 90;
const REFRESH_MS = 30_000;

const keyOf = (prefix: string) => `${prefix}:link:whatsapp-web`;

/**
 * The process holding the WhatsApp Web session writes its state to Redis, so a server process
 * (its /readyz, the console's QR page) can show it wherever the session runs.
 */
export function createLinkPublisher(redis: Redis, prefix: string, log: Logger) {
  let last: ChannelLink | null = null;
  const write = (link: ChannelLink) =>
    redis
      .set(keyOf(prefix), JSON.stringify(link), 'EX', TTL_SECONDS)
      .catch((err) => log.warn({ err: errorMessage(err) }, 'whatsapp web state not published'));
  const timer = setInterval(() => {
    if (last) void write(last);
  }, REFRESH_MS);
  timer.unref?.();
  return {
    publish(link: ChannelLink) {
      last = link;
      void write(link);
    },
    async stop() {
      clearInterval(timer);
      await redis.del(keyOf(prefix)).catch(() => {});
    },
  };
}

/** Reads the published state; "disconnected" when no process holds the session. */
export function readLinkStatus(redis: Redis, prefix: string): ChannelStatus {
  return async () => {
    const raw = await redis.get(keyOf(prefix)).catch(() => null);
    if (!raw) {
      return [
        {
          channel: 'whatsapp-web',
          state: 'disconnected',
          qr: null,
          since: new Date().toISOString(),
          detail: 'no worker process holds the WhatsApp session',
        },
      ];
    }
    return [JSON.parse(raw) as ChannelLink];
  };
}

/** The QR code in the terminal, for whoever ran `npm start` next to the bureau's phone. */
export async function printQr(qr: string): Promise<void> {
  const { default: qrcode } = await import('qrcode-terminal');
  qrcode.generate(qr, { small: true }, (art) => {
    process.stdout.write(
      `\nWhatsApp: open WhatsApp on the bureau's phone → Linked devices → Link a device, and scan:\n${art}\n`,
    );
  });
}
