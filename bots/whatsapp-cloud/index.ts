import type { ChannelModule } from '../../src/channel-module.js';
import { type Config, ConfigError } from '../../src/config/index.js';
import { asLocale, translate } from '../../src/i18n/index.js';
import { cloudAdapter } from './adapter.js';
import { mountCloudWebhook } from './webhook.js';

/** The Cloud API needs all four settings; name the missing ones in one sentence. */
function cloudSettings(config: Config) {
  const missing = (
    [
      'WHATSAPP_PHONE_NUMBER_ID',
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
    ] as const
  ).filter((k) => !config[k]);
  if (missing.length) throw new ConfigError(`WHATSAPP_MODE=cloud needs ${missing.join(', ')}.`, [...missing]);
  return {
    apiRoot: config.WHATSAPP_API_ROOT,
    apiVersion: config.WHATSAPP_API_VERSION,
    phoneNumberId: String(config.WHATSAPP_PHONE_NUMBER_ID),
    accessToken: String(config.WHATSAPP_ACCESS_TOKEN),
    appSecret: String(config.WHATSAPP_APP_SECRET),
    verifyToken: String(config.WHATSAPP_VERIFY_TOKEN),
    perSecond: config.WHATSAPP_RATE_PER_SECOND,
  };
}

/** WhatsApp through Meta's Cloud API (WHATSAPP_MODE=cloud): a signed webhook and the Graph API. */
export const whatsappCloudChannel: ChannelModule = {
  name: 'whatsapp-cloud',
  async open({ config, engine, db, log, clock, role }) {
    if (config.WHATSAPP_MODE !== 'cloud') return null;
    const cloud = cloudSettings(config);
    return {
      adapter:
        role === 'server'
          ? undefined
          : cloudAdapter({
              ...cloud,
              listButton: translate(asLocale(config.DEFAULT_LOCALE), 'common.choose'),
              templates: {
                alert: config.WHATSAPP_TEMPLATE_ALERT,
                reminder: config.WHATSAPP_TEMPLATE_REMINDER,
                default: config.WHATSAPP_TEMPLATE_DEFAULT,
                language: config.WHATSAPP_TEMPLATE_LANGUAGE,
              },
              now: () => clock.now(),
            }),
      mount(app) {
        mountCloudWebhook(app, {
          engine,
          db,
          log,
          appSecret: cloud.appSecret,
          verifyToken: cloud.verifyToken,
          now: () => clock.now(),
        });
      },
    };
  },
};
