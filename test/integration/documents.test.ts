import { describe, expect, it } from 'vitest';
import type { OrderDocumentData } from '../../src/documents/order-document.js';
import { createLogger } from '../../src/logger.js';
import { createApp } from '../../src/server/app.js';
import { mountDocuments, orderDocumentPath, signedOrderDocumentPath } from '../../src/server/documents.js';

// Needs neither Postgres nor Redis: the loader is injected, as the store query will be.
const secret = 'integration-secret-0123456789';
// A pinned instant handed to the document routes as their clock, and a week after it. calendar-ok
const now = new Date('2026-03-12T08:00:00Z');
// calendar-ok
const inAWeek = new Date('2026-03-19T08:00:00Z');
const NUMBER = 'SP-3214-2026-0007';

// Captions are the caller's business; here each one simply prints its own key.
const labels = new Proxy({} as OrderDocumentData['labels'], { get: (_t, key) => String(key) });
const data: OrderDocumentData = {
  title: 'SURAT PESANAN',
  number: NUMBER,
  // Printed as given: the document does not read the calendar. calendar-ok
  issuedAt: '12 Maret 2026',
  desa: { name: 'Sukamaju', kecamatan: 'Cibeber', kabupaten: 'Kab. Cianjur' },
  buyer: { name: 'Budi Santoso', position: 'Ketua TPK' },
  vendor: { businessName: 'Toko Maju 🧱', ownerName: 'Siti Aminah', address: 'Jl. Raya 12', phone: '0812' },
  need: { number: 'KB-3214-2026-0003', title: 'Semen', method: 'Pembelian langsung' },
  items: [
    { name: 'Semen 50 kg', quantity: '10', unit: 'sak', unitPrice: 'Rp 65.000', lineTotal: 'Rp 650.000' },
  ],
  total: 'Rp 650.000',
  totalInWords: 'enam ratus lima puluh ribu rupiah',
  // calendar-ok
  delivery: { place: 'Balai Desa', date: '20 Maret 2026' },
  signatures: {
    buyer: { name: 'Budi Santoso', position: 'Ketua TPK' },
    vendor: { name: 'Siti Aminah', position: 'Pemilik' },
  },
  labels,
};

function build(
  loader: (n: string) => Promise<OrderDocumentData | null> = async (n) => (n === NUMBER ? data : null),
) {
  const loaded: string[] = [];
  const app = createApp({
    log: createLogger('silent'),
    checks: {},
    mount: (a) =>
      mountDocuments(a, {
        secret,
        now: () => now,
        loadOrderDocument: (n) => {
          loaded.push(n);
          return loader(n);
        },
      }),
  });
  return { app, loaded };
}

const forbidden = { error: 'forbidden', message: expect.any(String) };

describe('GET /documents/orders/:number.pdf', () => {
  it('serves the PDF inline for a valid signed link', async () => {
    const { app, loaded } = build();
    const res = await app.request(signedOrderDocumentPath(NUMBER, secret, inAWeek));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="${NUMBER}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(loaded).toEqual([NUMBER]);
  });

  it('answers 403 JSON for a missing, forged, tampered or expired signature, before loading', async () => {
    const { app, loaded } = build();
    const signed = signedOrderDocumentPath(NUMBER, secret, inAWeek);
    const url = new URL(signed, 'http://x');
    const sig = url.searchParams.get('sig')!;
    const exp = url.searchParams.get('exp')!;
    const otherOrder = signedOrderDocumentPath('SP-3214-2026-0008', secret, inAWeek).split('?')[1];
    const bad = [
      orderDocumentPath(NUMBER),
      `${orderDocumentPath(NUMBER)}?exp=${exp}`,
      `${orderDocumentPath(NUMBER)}?exp=${Number(exp) + 60}&sig=${sig}`,
      `${orderDocumentPath(NUMBER)}?exp=${exp}&sig=${'0'.repeat(64)}`,
      `${orderDocumentPath(NUMBER)}?${otherOrder}`,
      signedOrderDocumentPath(NUMBER, 'wrong-secret', inAWeek),
      signedOrderDocumentPath(NUMBER, secret, new Date(now.getTime() - 1000)),
      signedOrderDocumentPath(NUMBER, secret, now),
    ];
    for (const path of bad) {
      const res = await app.request(path);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toEqual(forbidden);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|Error/);
    }
    expect(loaded).toEqual([]);
  });

  it('answers 404 for an unknown order behind a valid signature', async () => {
    const { app, loaded } = build();
    const res = await app.request(signedOrderDocumentPath('SP-3214-2026-9999', secret, inAWeek));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
    expect(loaded).toEqual(['SP-3214-2026-9999']);
  });

  it('answers 404 for names that are not order documents', async () => {
    const { app, loaded } = build();
    for (const path of [
      '/documents/orders/SP-1.txt',
      '/documents/orders/SP_1.pdf',
      '/documents/orders/.pdf',
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
    expect(loaded).toEqual([]);
  });

  it('hides a failing loader behind the app’s JSON 500', async () => {
    const { app } = build(async () => {
      throw new Error('database is down');
    });
    const res = await app.request(signedOrderDocumentPath(NUMBER, secret, inAWeek));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ error: 'internal_error' });
    expect(text).not.toContain('database is down');
  });
});
