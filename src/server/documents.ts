import type { Hono } from 'hono';
import { type OrderDocumentData, renderOrderDocument } from '../documents/order-document.js';
import { signDocumentPath, verifyDocumentSignature } from '../documents/signing.js';
import type { AppEnv } from './app.js';

export interface DocumentsDeps {
  secret: string;
  loadOrderDocument: (orderNumber: string) => Promise<OrderDocumentData | null>;
  now?: () => Date;
}

/** The one place that spells the URL, so the signer and the route cannot drift apart. */
export function orderDocumentPath(orderNumber: string): string {
  return `/documents/orders/${orderNumber}.pdf`;
}

/** What the outbox sends: a path (append it to the public base URL) that works without a login. */
export function signedOrderDocumentPath(orderNumber: string, secret: string, expiresAt: Date): string {
  return signDocumentPath(orderDocumentPath(orderNumber), secret, expiresAt);
}

/**
 * Order documents behind signed links. The signature is checked before the loader runs, so an
 * unsigned request learns nothing, not even whether an order number exists.
 */
export function mountDocuments(app: Hono<AppEnv>, deps: DocumentsDeps): void {
  const now = deps.now ?? (() => new Date());

  app.get('/documents/orders/:file{[A-Za-z0-9-]+\\.pdf}', async (c) => {
    const number = c.req.param('file').slice(0, -'.pdf'.length);
    // Signed against the canonical path, not c.req.path, so percent-encoding cannot matter.
    const signed =
      number.length <= 64 &&
      verifyDocumentSignature(
        orderDocumentPath(number),
        c.req.query('exp'),
        c.req.query('sig'),
        deps.secret,
        now(),
      );
    if (!signed) {
      c.header('Cache-Control', 'no-store');
      return c.json(
        { error: 'forbidden', message: 'This document link is invalid or has expired. Ask for a new one.' },
        403,
      );
    }

    const data = await deps.loadOrderDocument(number);
    if (!data) {
      c.header('Cache-Control', 'no-store');
      return c.json({ error: 'not_found', message: 'No such document.' }, 404);
    }

    // A copy narrows pdf-lib's Uint8Array<ArrayBufferLike> to the ArrayBuffer-backed body Hono types.
    const pdf = await renderOrderDocument(data);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${number}.pdf"`,
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      // The query string is the credential; keep it out of Referer headers.
      'Referrer-Policy': 'no-referrer',
    });
  });
}
