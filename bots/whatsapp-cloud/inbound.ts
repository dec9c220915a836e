import type { Inbound, MediaKind } from '../../src/conversation/types.js';

/** The parts of a Cloud API webhook payload the bot reads. */
interface CloudMessage {
  id: string;
  from: string;
  timestamp?: string;
  type: string;
  text?: { body: string };
  interactive?: { button_reply?: { id: string }; list_reply?: { id: string } };
  button?: { payload?: string; text?: string };
  location?: { latitude: number; longitude: number };
  image?: { id: string; mime_type?: string; caption?: string };
  document?: { id: string; mime_type?: string; caption?: string };
  audio?: { id: string; mime_type?: string; voice?: boolean };
  video?: { id: string; mime_type?: string; caption?: string };
  sticker?: { id: string; mime_type?: string };
}

export interface CloudStatus {
  id: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipient_id?: string;
  errors?: Array<{ code: number; title?: string; message?: string }>;
}

export interface CloudWebhook {
  object?: string;
  entry?: Array<{
    changes?: Array<{
      value?: {
        contacts?: Array<{ wa_id: string; profile?: { name?: string } }>;
        messages?: CloudMessage[];
        statuses?: CloudStatus[];
      };
    }>;
  }>;
}

const MEDIA: Record<string, MediaKind> = {
  image: 'photo',
  document: 'document',
  audio: 'voice',
  video: 'video',
  sticker: 'sticker',
};

/**
 * Messages and status callbacks of one webhook call. The `wamid` is the dedupe key: Meta
 * retries a webhook it did not get a 200 for, and sends status updates out of order.
 */
export function parseCloudWebhook(body: CloudWebhook): { inbound: Inbound[]; statuses: CloudStatus[] } {
  const inbound: Inbound[] = [];
  const statuses: CloudStatus[] = [];
  for (const entry of body.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const v = change.value ?? {};
      statuses.push(...(v.statuses ?? []).filter((s) => typeof s?.id === 'string'));
      for (const m of v.messages ?? []) {
        if (typeof m?.id !== 'string' || typeof m.from !== 'string') continue;
        const name = v.contacts?.find((c) => c.wa_id === m.from)?.profile?.name;
        const msg: Inbound = {
          channel: 'whatsapp',
          externalUserId: m.from,
          messageId: m.id,
          at: m.timestamp ? new Date(Number(m.timestamp) * 1000) : new Date(),
          displayName: name,
          // The sender's WhatsApp number is the phone the channel vouches for.
          phone: `+${m.from.replace(/\D/g, '')}`,
        };
        if (m.text?.body !== undefined) msg.text = m.text.body;
        const reply = m.interactive?.button_reply?.id ?? m.interactive?.list_reply?.id ?? m.button?.payload;
        if (reply) msg.optionId = reply;
        else if (m.button?.text) msg.text = m.button.text;
        if (m.location) msg.location = { latitude: m.location.latitude, longitude: m.location.longitude };
        const kind = MEDIA[m.type];
        const media = kind
          ? (m as unknown as Record<string, { id: string; mime_type?: string; caption?: string }>)[m.type]
          : undefined;
        if (kind && media?.id)
          msg.media = { kind, fileId: media.id, mimeType: media.mime_type, caption: media.caption };
        inbound.push(msg);
      }
    }
  }
  return { inbound, statuses };
}
