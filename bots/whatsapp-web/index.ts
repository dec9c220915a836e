import { join } from 'node:path';
import type { ChannelModule } from '../../src/channel-module.js';
import { whatsappWebAdapter } from './adapter.js';
import { realClientFactory } from './client.js';
import { createWhatsAppWebLink } from './link.js';
import { createLinkPublisher, printQr, readLinkStatus } from './status.js';

/**
 * WhatsApp through a linked phone (WHATSAPP_MODE=web). The session lives in the worker process
 * (one browser, one session); its state goes through Redis to whichever process serves /readyz
 * and the console.
 */
export const whatsappWebChannel: ChannelModule = {
  name: 'whatsapp-web',
  async open({ config, engine, log, role, redis, probe, overrides }) {
    if (config.WHATSAPP_MODE !== 'web') return null;
    const status = readLinkStatus(probe, config.QUEUE_PREFIX);
    if (role === 'server') return { status };
    const factory =
      overrides.whatsappWeb ??
      realClientFactory({
        sessionDir: join(config.DATA_DIR, 'whatsapp-web'),
        chromiumPath: config.CHROMIUM_PATH,
      });
    const publisher = createLinkPublisher(redis, config.QUEUE_PREFIX, log);
    const link = createWhatsAppWebLink({
      factory,
      log,
      onMessage: async (inbound) => {
        await engine.handle(inbound);
      },
      onState: publisher.publish,
      showQr: overrides.whatsappWeb ? undefined : (qr) => void printQr(qr),
      reconnect: { minMs: config.WHATSAPP_WEB_RECONNECT_MIN_MS, maxMs: config.WHATSAPP_WEB_RECONNECT_MAX_MS },
    });
    link.start();
    return {
      status,
      adapter: whatsappWebAdapter({
        link,
        factory,
        log,
        intervalMs: config.WHATSAPP_WEB_SEND_INTERVAL_MS,
        jitterMs: config.WHATSAPP_WEB_SEND_JITTER_MS,
      }),
      async stop() {
        await link.stop();
        await publisher.stop();
      },
    };
  },
};
