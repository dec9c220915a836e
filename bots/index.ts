import type { ChannelModule } from '../src/channel-module.js';
import { telegramChannel } from './telegram/index.js';
import { whatsappCloudChannel } from './whatsapp-cloud/index.js';
import { whatsappWebChannel } from './whatsapp-web/index.js';

/**
 * The chat channels besides the web chat (src/server/chat-api.ts), each started by src/system.ts
 * when its settings are present. A new channel: its folder, its module, one line here.
 */
export const CHANNEL_MODULES: readonly ChannelModule[] = [
  telegramChannel,
  whatsappCloudChannel,
  whatsappWebChannel,
];
