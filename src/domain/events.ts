/**
 * What a procurement use-case tells the people it concerns, as data. Use-cases return these
 * (in their Effects); the notification layer (src/notices) turns each into messages in the
 * reader's language — inside the same transaction — and, where the notice is also a question,
 * moves the reader's conversation to it. Each event names its reader by user id.
 */

export interface ItemLine {
  name: string;
  quantity: number;
  unit: string;
}

/** A quote as the officer sees it at the deadline (cheapest and best first). */
export interface RankedLine {
  quoteId: number;
  business_name: string;
  total: number;
  delivery_days: number;
  rating_sum: number;
  rating_count: number;
  ring: string | null;
}

/** The need an alert or a reminder is about, as its readers see it. */
export interface NeedBrief {
  id: number;
  number: string;
  title: string;
  method: string;
  quoteDeadline: Date;
  timeZone: string;
}

export type NoticeEvent =
  /** A vendor's first quote on a need: the officer learns how many came so far. */
  | {
      kind: 'quote_received';
      to: number;
      needId: number;
      quoteId: number;
      needNumber: string;
      count: number;
      deadline: Date;
      timeZone: string;
    }
  /** Vendors chosen for a need: one alert each, held through their quiet hours. */
  | {
      kind: 'tender_alerts';
      need: NeedBrief;
      village: string;
      items: ItemLine[];
      vendors: Array<{ userId: number; vendorId: number; notBefore: Date }>;
    }
  /** Invited vendors who have not answered, some hours before the deadline. */
  | {
      kind: 'quote_reminders';
      need: NeedBrief;
      tag: string;
      vendors: Array<{ userId: number; vendorId: number; notBefore: Date }>;
    }
  /** A new deadline: every invited vendor who has not declined learns it (quoted or not). */
  | {
      kind: 'deadline_extended';
      need: NeedBrief;
      vendors: Array<{ userId: number; vendorId: number; quoted: boolean; notBefore: Date }>;
    }
  /** The officer, before the deadline: how many quotes so far. */
  | { kind: 'deadline_soon'; to: number; need: NeedBrief; tag: string; count: number }
  /** The deadline passed: the ranked quotes, or the ways forward when too few came. */
  | {
      kind: 'need_closed';
      to: number;
      need: { id: number; number: string; title: string; minQuotes: number };
      dueAt: number;
      count: number;
      ranked: RankedLine[];
      received: number;
    }
  /** The chosen vendor: the order to accept or decline, and its document. */
  | {
      kind: 'order_awarded';
      to: number;
      orderId: number;
      orderNumber: string;
      needNumber: string;
      title: string;
      amount: number;
      amountWords: string;
      items: ItemLine[];
      documentUrl: string | null;
    }
  /** A vendor whose quote was not chosen, once the winner accepted. */
  | {
      kind: 'quote_lost';
      to: number;
      needId: number;
      quoteId: number;
      needNumber: string;
      title: string;
      winner: string;
      amount: number;
    }
  | {
      kind: 'order_accepted';
      to: number;
      orderId: number;
      orderNumber: string;
      vendor: string;
      vendorPhone: string | null;
    }
  | {
      kind: 'order_declined';
      to: number;
      orderId: number;
      needId: number;
      orderNumber: string;
      vendor: string;
      reason: string;
    }
  | {
      kind: 'order_delivered';
      to: number;
      orderId: number;
      orderNumber: string;
      vendor: string;
      title: string;
      /** What the vendor wrote with the delivery, and whether a photo came with it. */
      note: string | null;
      photo: boolean;
    }
  | { kind: 'order_received'; to: number; orderId: number; orderNumber: string; bast: string }
  | { kind: 'order_problem'; to: number; orderId: number; orderNumber: string; note: string; at: Date }
  | { kind: 'order_paid'; to: number; orderId: number; orderNumber: string; amount: number }
  | {
      kind: 'delivery_reminder';
      to: number;
      orderId: number;
      orderNumber: string;
      title: string;
      amount: number;
    };

export type NoticeKind = NoticeEvent['kind'];
