import {
  type ChannelAdapter,
  ChannelRateLimitError,
  type OutboxMessage,
  RecipientUnreachableError,
} from '../../src/conversation/types.js';
import { renderCloud } from './render.js';

export interface CloudSettings {
  apiRoot: string;
  apiVersion: string;
  phoneNumberId: string;
  accessToken: string;
  perSecond: number;
  listButton: string;
  /** Approved template per purpose for messages outside the 24-hour window; `default` otherwise. */
  templates: { alert?: string; reminder?: string; default?: string; language: string };
  now: () => Date;
}

const WINDOW_MS = 24 * 3600_000;

/**
 * Outside the 24-hour customer-service window WhatsApp only takes approved templates: the
 * message's text goes as the template's one body parameter, and the person's answer reopens
 * the window for everything after it.
 */
function templateBody(to: string, message: OutboxMessage, s: CloudSettings): Record<string, unknown> {
  const purpose = message.purpose === 'alert' || message.purpose === 'reminder' ? message.purpose : 'default';
  const name = s.templates[purpose] ?? s.templates.default;
  if (!name)
    throw new Error(`outside the 24-hour window and no WhatsApp template configured for "${purpose}"`);
  const p = message.payload;
  const text =
    p.type === 'document'
      ? p.caption
      : p.type === 'options'
        ? `${p.text}\n${p.options.map((o, i) => `${i + 1}. ${o.label}`).join('\n')}`
        : p.text;
  return {
    messaging_product: 'whatsapp',
    to,
    type: 'template',
    template: {
      name,
      language: { code: s.templates.language },
      components: [
        {
          type: 'body',
          parameters: [
            {
              type: 'text',
              text: Array.from(text.replace(/\s*\n\s*/g, ' · '))
                .slice(0, 1000)
                .join(''),
            },
          ],
        },
      ],
    },
  };
}

/** Throughput refusals: the account's rate (130429), a pair rate (131056), spam limiting (80007). */
const RATE_LIMIT_CODES = new Map([
  [130429, 1_000],
  [80007, 60_000],
  [131056, 6_000],
]);
/** The recipient cannot get WhatsApp messages (not on WhatsApp, or blocked us). */
const UNREACHABLE_CODES = new Set([131026, 131051]);

const outsideWindow = (m: OutboxMessage, now: Date) =>
  !m.lastInboundAt || now.getTime() - m.lastInboundAt.getTime() > WINDOW_MS;

/** Sends through the Cloud API: POST /{version}/{phone-number-id}/messages. */
export function cloudAdapter(s: CloudSettings): ChannelAdapter {
  const endpoint = `${s.apiRoot.replace(/\/$/, '')}/${s.apiVersion}/${s.phoneNumberId}/messages`;
  return {
    channel: 'whatsapp',
    pacing: { perSecond: s.perSecond },
    async send(message: OutboxMessage) {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(
          outsideWindow(message, s.now())
            ? templateBody(message.externalUserId, message, s)
            : renderCloud(message.externalUserId, message.payload, s.listButton),
        ),
        signal: AbortSignal.timeout(15_000),
      });
      const body = (await res.json().catch(() => ({}))) as {
        messages?: Array<{ id: string }>;
        error?: { code?: number; message?: string };
      };
      if (res.ok && body.messages?.[0]?.id) return { externalId: body.messages[0].id };
      const code = body.error?.code ?? res.status;
      const wait = RATE_LIMIT_CODES.get(code);
      if (wait !== undefined || res.status === 429) throw new ChannelRateLimitError(wait ?? 1_000);
      if (UNREACHABLE_CODES.has(code))
        throw new RecipientUnreachableError(body.error?.message ?? `code ${code}`);
      throw new Error(`WhatsApp Cloud API ${res.status} ${code}: ${body.error?.message ?? 'no message id'}`);
    },
  };
}
