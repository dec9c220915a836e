import { cleanText, isWellFormedInbound } from '../../src/conversation/sanitize.js';
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

/** A status callback as the bot uses it: its strings cleaned and bounded, its errors as one line. */
export interface DeliveryStatus {
  id: string;
  status: CloudStatus['status'];
  error: string | null;
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
export function parseCloudWebhook(body: CloudWebhook): { inbound: Inbound[]; statuses: DeliveryStatus[] } {
  const inbound: Inbound[] = [];
  const statuses: DeliveryStatus[] = [];
  // Meta's payloads are trusted for their shape only after checking it: a field of the wrong
  // kind drops that part (never the whole call with a 5xx, which Meta would retry for days).
  for (const entry of list(body?.entry)) {
    for (const change of list(entry?.changes)) {
      type Value = NonNullable<NonNullable<typeof change>['value']>;
      const v: Value = change?.value && typeof change.value === 'object' ? change.value : {};
      for (const s of list(v.statuses)) {
        if (typeof s?.id !== 'string' || s.id === '' || !STATUSES.has(s.status)) continue;
        if (
          s.errors !== undefined &&
          !(Array.isArray(s.errors) && s.errors.every((e) => e && typeof e === 'object'))
        )
          continue;
        statuses.push({ id: cleanText(s.id, 128), status: s.status, error: errorLine(s.errors) });
      }
      for (const m of list(v.messages)) {
        if (typeof m?.id !== 'string' || typeof m.from !== 'string') continue;
        const msg = readMessage(m, list(v.contacts));
        if (msg) inbound.push(msg);
      }
    }
  }
  return { inbound, statuses };
}

// Only these may move an outbox row; anything else ("pending", "sending") could send it twice.
const STATUSES = new Set<unknown>(['sent', 'delivered', 'read', 'failed']);
const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

/** Meta's errors as one line for the outbox row and the admin ("131026 Message undeliverable"). */
function errorLine(errors: CloudStatus['errors']): string | null {
  if (!errors?.length) return null;
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const line = errors
    .map((e) => `${part(e.code)} ${part(e.title) || part(e.message)}`.trim())
    .filter(Boolean)
    .join('; ');
  return line ? cleanText(line, 500) : null;
}

function readMessage(m: CloudMessage, contacts: Array<{ wa_id: string; profile?: { name?: string } }>) {
  try {
    const msg = build(m, contacts);
    return isWellFormedInbound(msg) ? msg : null;
  } catch {
    return null;
  }
}

function build(m: CloudMessage, contacts: Array<{ wa_id: string; profile?: { name?: string } }>): Inbound {
  const name = contacts.find((c) => c?.wa_id === m.from)?.profile?.name;
  const sent = m.timestamp ? new Date(Number(m.timestamp) * 1000) : new Date();
  const msg: Inbound = {
    channel: 'whatsapp',
    externalUserId: m.from,
    messageId: m.id,
    at: Number.isNaN(sent.getTime()) ? new Date() : sent,
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
  return msg;
}
