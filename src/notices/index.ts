import type { Transaction } from 'kysely';
import { orderButton, rateButton, SCORES, tenderButton } from '../domain/buttons.js';
import type { NoticeEvent, NoticeKind } from '../domain/events.js';
import type { Outbound } from '../domain/messages.js';
import { asLocale, type Locale, translate } from '../i18n/index.js';
import { displayPhone } from '../parse/phone.js';
import { offerConversations, recipientsOf } from '../store/needs.js';
import { insertOutbox, type NewOutboxMessage } from '../store/outbox.js';
import type { Database } from '../store/schema.js';
import { itemLines, methodName, money, rankedPrompt, when } from './format.js';
import { notifyUser, offerConversation, type T, withContext } from './notify.js';

/**
 * The notification layer: every message a procurement event sends to someone other than the
 * person whose turn it is, in that person's language, written into the outbox inside the
 * caller's transaction (a retried job sends nothing twice: each message has a dedupe key). Where
 * the notice is also a question, the reader's conversation moves to it (only from the menu or the
 * same question, see offerConversation).
 */

type Of<K extends NoticeKind> = Extract<NoticeEvent, { kind: K }>;
type Renderer<K extends NoticeKind> = (trx: Transaction<Database>, e: Of<K>, now: Date) => Promise<number[]>;

const text = (key: Parameters<T>[0], params: (r: { t: T; locale: Locale }) => Parameters<T>[1]) => {
  return (r: { t: T; locale: Locale }): Outbound => ({ type: 'text', text: r.t(key, params(r)) });
};

/** One message to one reader, then (for a question) the conversation moved to it. */
async function tell(
  trx: Transaction<Database>,
  to: number,
  render: Parameters<typeof notifyUser>[2],
  now: Date,
  dedupeKey: string,
  ask?: { flow: string; step: string; data: Record<string, unknown> },
): Promise<number[]> {
  const ids = await notifyUser(trx, to, render, { now, dedupeKey });
  if (ask) await offerConversation(trx, to, ask.flow, ask.step, ask.data, now);
  return ids;
}

/**
 * Alerts to many vendors in one transaction (a lelang may invite thousands): one read of their
 * chats and languages, one text per language, one insert, one conversation update.
 */
async function tenderAlerts(trx: Transaction<Database>, e: Of<'tender_alerts'>, now: Date) {
  const { need } = e;
  const recipients = new Map(
    (
      await recipientsOf(
        trx,
        e.vendors.map((v) => v.userId),
      )
    ).map((r) => [r.user_id, r]),
  );
  const alertIn = new Map<Locale, Outbound>();
  const alertFor = (locale: Locale) => {
    const known = alertIn.get(locale);
    if (known) return known;
    const t: T = (key, params) => translate(locale, key, params);
    const payload: Outbound = {
      type: 'options',
      text: t('tender.alert', {
        number: need.number,
        title: need.title,
        village: e.village,
        items: itemLines(e.items),
        method: methodName(t, need.method),
        deadline: when(need.quoteDeadline, locale, need.timeZone),
      }),
      options: [
        { id: tenderButton(need.id, 'quote'), label: t('tender.opt_quote') },
        { id: tenderButton(need.id, 'details'), label: t('tender.opt_details') },
        { id: tenderButton(need.id, 'decline'), label: t('tender.opt_decline') },
      ],
    };
    alertIn.set(locale, payload);
    return payload;
  };
  const messages: NewOutboxMessage[] = [];
  for (const v of e.vendors) {
    const r = recipients.get(v.userId);
    if (!r) continue; // nowhere to reach them, or suspended
    messages.push({
      identityId: r.identity_id,
      channel: r.channel,
      payload: alertFor(asLocale(r.locale)),
      dedupeKey: `alert:${need.id}:${v.vendorId}`,
      notBefore: v.notBefore,
      purpose: 'alert',
      // An alert held for the morning moves the conversation when it goes out, not now:
      // until then the vendor's "1" still means what the vendor last saw.
      ...(v.notBefore > now
        ? { onSent: { flow: 'tender', step: 'alert', data: withContext({ needId: need.id }) } }
        : {}),
    });
  }
  const ids = await insertOutbox(trx, messages, now);
  await offerConversations(
    trx,
    messages.filter((m) => !m.onSent).map((m) => m.identityId),
    'tender',
    'alert',
    withContext({ needId: need.id }),
    now,
  );
  return ids;
}

type VendorTarget = { userId: number; vendorId: number; notBefore: Date };

/** One message to each of these vendors, held through their quiet hours, each with its key. */
async function toVendors<V extends VendorTarget>(
  trx: Transaction<Database>,
  vendors: readonly V[],
  now: Date,
  message: {
    purpose: string;
    key: (v: V) => string;
    render: (v: V, r: { t: T; locale: Locale }) => Outbound;
  },
): Promise<number[]> {
  const ids: number[] = [];
  for (const v of vendors) {
    ids.push(
      ...(await notifyUser(trx, v.userId, (r) => message.render(v, r), {
        now,
        dedupeKey: message.key(v),
        notBefore: v.notBefore,
        purpose: message.purpose,
      })),
    );
  }
  return ids;
}

const quoteReminders: Renderer<'quote_reminders'> = (trx, e, now) =>
  toVendors(trx, e.vendors, now, {
    purpose: 'reminder',
    key: (v) => `remind:${e.need.id}:${v.vendorId}:${e.tag}`,
    render: (_v, r) => ({
      type: 'options',
      text: r.t('tender.reminder', {
        number: e.need.number,
        title: e.need.title,
        deadline: when(e.need.quoteDeadline, r.locale, e.need.timeZone),
      }),
      options: [
        { id: tenderButton(e.need.id, 'quote'), label: r.t('tender.opt_quote') },
        { id: tenderButton(e.need.id, 'decline'), label: r.t('tender.opt_decline') },
      ],
    }),
  });

const deadlineExtended: Renderer<'deadline_extended'> = (trx, e, now) =>
  toVendors(trx, e.vendors, now, {
    purpose: 'alert',
    key: (v) => `extended:${e.need.id}:${v.vendorId}:${e.need.quoteDeadline.getTime()}`,
    render: (v, r) => ({
      type: 'options',
      text: r.t(v.quoted ? 'tender.extended_quoted' : 'tender.extended', {
        number: e.need.number,
        title: e.need.title,
        deadline: when(e.need.quoteDeadline, r.locale, e.need.timeZone),
      }),
      options: [
        {
          id: tenderButton(e.need.id, 'quote'),
          label: r.t(v.quoted ? 'tender.opt_revise' : 'tender.opt_quote'),
        },
        { id: tenderButton(e.need.id, 'details'), label: r.t('tender.opt_details') },
      ],
    }),
  });

async function orderAwarded(trx: Transaction<Database>, e: Of<'order_awarded'>, now: Date) {
  const ids = await notifyUser(
    trx,
    e.to,
    (r) => ({
      type: 'options',
      text: `${r.t('order.won', {
        number: e.orderNumber,
        need: e.needNumber,
        title: e.title,
        amount: money(e.amount, r.locale),
        words: e.amountWords,
        items: itemLines(e.items),
      })}\n\n${r.t('order.ask_accept_short')}`,
      options: [
        { id: orderButton(e.orderId, 'accept'), label: r.t('order.opt_accept') },
        { id: orderButton(e.orderId, 'decline'), label: r.t('order.opt_decline') },
      ],
    }),
    { now, dedupeKey: `won:${e.orderId}` },
  );
  const url = e.documentUrl;
  if (url) {
    ids.push(
      ...(await notifyUser(
        trx,
        e.to,
        (r) => ({
          type: 'document',
          caption: r.t('order.document_caption', { number: e.orderNumber }),
          filename: `${e.orderNumber}.pdf`,
          mimeType: 'application/pdf',
          url,
        }),
        { now, dedupeKey: `order-doc:${e.orderId}` },
      )),
    );
  }
  await offerConversation(trx, e.to, 'order', 'accept', { orderId: e.orderId }, now);
  return ids;
}

const RENDERERS: { [K in NoticeKind]: Renderer<K> } = {
  tender_alerts: tenderAlerts,
  quote_reminders: quoteReminders,
  deadline_extended: deadlineExtended,
  order_awarded: orderAwarded,
  quote_received: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('need.quote_count', (r) => ({
        number: e.needNumber,
        count: e.count,
        deadline: when(e.deadline, r.locale, e.timeZone),
      })),
      now,
      `count:${e.needId}:${e.quoteId}`,
    ),
  deadline_soon: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('need.deadline_soon', (r) => ({
        number: e.need.number,
        count: e.count,
        deadline: when(e.need.quoteDeadline, r.locale, e.need.timeZone),
      })),
      now,
      `remind-officer:${e.need.id}:${e.tag}`,
    ),
  need_closed: (trx, e, now) =>
    tell(
      trx,
      e.to,
      (r) => {
        const p = rankedPrompt(r.t, r.locale, e.need, e.ranked, e.received);
        const head = r.t(p.enough ? 'award.closed_enough' : 'award.closed_too_few', {
          number: e.need.number,
          title: e.need.title,
          count: e.count,
          min: e.need.minQuotes,
        });
        return { type: 'options', text: `${head}\n\n${p.text}`, options: p.options };
      },
      now,
      `closed:${e.need.id}:${e.dueAt}`,
      { flow: 'award', step: 'choose', data: { needId: e.need.id } },
    ),
  quote_lost: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('order.lost', (r) => ({
        need: e.needNumber,
        title: e.title,
        winner: e.winner,
        amount: money(e.amount, r.locale),
      })),
      now,
      `lost:${e.needId}:${e.quoteId}`,
    ),
  // The officer now deals with the supplier directly (delivery, questions): the one place a
  // vendor's full phone number reaches someone else.
  order_accepted: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('order.accepted_officer', () => ({
        number: e.orderNumber,
        vendor: e.vendor,
        phone: e.vendorPhone ? displayPhone(e.vendorPhone) : '-',
      })),
      now,
      `accepted:${e.orderId}`,
    ),
  order_declined: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('order.declined_officer', () => ({ number: e.orderNumber, vendor: e.vendor, reason: e.reason })),
      now,
      `declined:${e.orderId}`,
      { flow: 'award', step: 'choose', data: { needId: e.needId } },
    ),
  // The notice is also the question the officer's conversation now waits on.
  order_delivered: (trx, e, now) =>
    tell(
      trx,
      e.to,
      (r) => ({
        type: 'options',
        text: [
          r.t('order.delivered_officer', { number: e.orderNumber, vendor: e.vendor }),
          // What the vendor reported, for the officer to check against the goods (issue 22 item 7).
          ...(e.note ? [r.t('order.delivery_note', { note: e.note })] : []),
          ...(e.photo ? [r.t('order.delivery_photo')] : []),
          '',
          r.t('receipt.ask', { number: e.orderNumber, vendor: e.vendor, title: e.title }),
        ].join('\n'),
        options: [
          { id: orderButton(e.orderId, 'received'), label: r.t('receipt.opt_ok') },
          { id: orderButton(e.orderId, 'problem'), label: r.t('receipt.opt_problem') },
        ],
      }),
      now,
      `delivered:${e.orderId}`,
      { flow: 'receipt', step: 'confirm', data: { orderId: e.orderId } },
    ),
  order_received: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('order.received_vendor', () => ({ number: e.orderNumber, bast: e.bast })),
      now,
      `received:${e.orderId}`,
    ),
  order_problem: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('order.problem_vendor', () => ({ number: e.orderNumber, note: e.note })),
      now,
      `problem:${e.orderId}:${e.at.getTime()}`,
    ),
  order_paid: (trx, e, now) =>
    tell(
      trx,
      e.to,
      (r) => ({
        type: 'options',
        text: r.t('order.paid_vendor', { number: e.orderNumber, amount: money(e.amount, r.locale) }),
        options: SCORES.map((n) => ({ id: rateButton(e.orderId, n), label: '⭐'.repeat(n) })),
      }),
      now,
      `paid:${e.orderId}`,
      { flow: 'rate', step: 'score', data: { orderId: e.orderId } },
    ),
  delivery_reminder: (trx, e, now) =>
    tell(
      trx,
      e.to,
      text('order.delivery_reminder', (r) => ({
        number: e.orderNumber,
        title: e.title,
        amount: money(e.amount, r.locale),
      })),
      now,
      `delivery-reminder:${e.orderId}`,
    ),
};

/**
 * Writes the messages of these events (in order) inside the transaction that produced them, and
 * empties the list; returns the outbox ids to hand to the relay after commit.
 */
export async function writeNotices(
  trx: Transaction<Database>,
  events: NoticeEvent[],
  now: Date,
): Promise<number[]> {
  const ids: number[] = [];
  for (const e of events.splice(0)) {
    const render = RENDERERS[e.kind] as Renderer<typeof e.kind>;
    ids.push(...(await render(trx, e, now)));
  }
  return ids;
}
