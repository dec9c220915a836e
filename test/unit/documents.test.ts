import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
  type OrderDocumentData,
  type OrderDocumentItem,
  renderOrderDocument,
} from '../../src/documents/order-document.js';
import { signDocumentPath, verifyDocumentSignature } from '../../src/documents/signing.js';

const labels: OrderDocumentData['labels'] = {
  number: 'Nomor',
  date: 'Tanggal',
  buyer: 'Pemesan',
  desa: 'Desa',
  kecamatan: 'Kecamatan',
  kabupaten: 'Kabupaten/Kota',
  name: 'Nama',
  position: 'Jabatan',
  vendor: 'Penyedia',
  businessName: 'Nama usaha',
  owner: 'Pemilik',
  address: 'Alamat',
  phone: 'Telepon',
  nib: 'NIB',
  need: 'Dasar pesanan',
  needNumber: 'Nomor kebutuhan',
  needTitle: 'Kebutuhan',
  method: 'Metode pengadaan',
  itemNo: 'No',
  itemName: 'Barang/jasa',
  quantity: 'Volume',
  unit: 'Satuan',
  unitPrice: 'Harga satuan',
  lineTotal: 'Jumlah harga',
  total: 'Total',
  totalInWords: 'Terbilang',
  delivery: 'Pengiriman',
  deliveryPlace: 'Tempat',
  deliveryDate: 'Tanggal kirim',
  notes: 'Catatan',
  awardReason: 'Alasan pemilihan',
  negotiation: 'Hasil negosiasi',
  buyerSignature: 'Pemesan,',
  vendorSignature: 'Penyedia,',
  page: 'Halaman',
};

const item = (i: number): OrderDocumentItem => ({
  name: `Semen Portland 50 kg nomor ${i}`,
  quantity: '10',
  unit: 'sak',
  unitPrice: 'Rp 65.000',
  lineTotal: 'Rp 650.000',
});

function order(items: number, over: Partial<OrderDocumentData> = {}): OrderDocumentData {
  return {
    title: 'SURAT PESANAN',
    number: 'SP-3214-2026-0007',
    issuedAt: '12 Maret 2026',
    desa: { name: 'Sukamaju', kecamatan: 'Cibeber', kabupaten: 'Kab. Cianjur' },
    buyer: { name: 'Budi Santoso', position: 'Ketua TPK' },
    vendor: {
      businessName: 'Toko Bangunan Maju Jaya',
      ownerName: 'Siti Aminah',
      address: 'Jl. Raya Cibeber No. 12',
      phone: '+62 812-3456-7890',
      nib: '1234567890123',
    },
    need: { number: 'KB-3214-2026-0003', title: 'Material saluran irigasi', method: 'Permintaan penawaran' },
    items: Array.from({ length: items }, (_, i) => item(i + 1)),
    total: 'Rp 1.950.000',
    totalInWords: 'satu juta sembilan ratus lima puluh ribu rupiah',
    delivery: { place: 'Balai Desa Sukamaju', date: '20 Maret 2026' },
    notes: { awardReason: 'Pengiriman lebih cepat', negotiation: 'Turun dari Rp 2.000.000' },
    signatures: {
      placeAndDate: 'Sukamaju, 12 Maret 2026',
      buyer: { name: 'Budi Santoso', position: 'Ketua TPK' },
      vendor: { name: 'Siti Aminah', position: 'Pemilik' },
    },
    labels,
    ...over,
  };
}

// Node's TextDecoder may lack windows-1252, and WinAnsi differs from Latin-1 only in 0x80–0x9F.
const WIN_ANSI_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const winAnsiChar = (byte: number) =>
  byte >= 0x80 && byte < 0xa0 ? WIN_ANSI_HIGH[byte - 0x80]! : String.fromCharCode(byte);

/**
 * The text each page shows, one string per page. pdf-lib writes standard-font text as WinAnsi
 * hex strings (`<…> Tj`) inside Flate streams, so inflating and decoding those is enough.
 */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    let ops = '';
    for (const ref of streams) {
      const stream = ref && doc.context.lookup(ref);
      if (stream instanceof PDFRawStream)
        ops += new TextDecoder().decode(decodePDFRawStream(stream).decode());
    }
    return [...ops.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)]
      .map((m) => [...Buffer.from(m[1]!, 'hex')].map(winAnsiChar).join(''))
      .join('\n');
  });
}

describe('renderOrderDocument', () => {
  it('renders a one-page PDF that parses back, with the number and total on it', async () => {
    const bytes = await renderOrderDocument(order(3));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');

    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe('SURAT PESANAN SP-3214-2026-0007');
    expect(doc.getKeywords()).toContain('SP-3214-2026-0007');

    const [text] = await pageTexts(bytes);
    for (const expected of [
      'SURAT PESANAN',
      'Nomor: SP-3214-2026-0007',
      'Rp 1.950.000',
      'satu juta sembilan ratus lima puluh ribu rupiah',
      'Semen Portland 50 kg nomor 3',
      'Toko Bangunan Maju Jaya',
      '1234567890123',
      'Pengiriman lebih cepat',
      'Sukamaju, 12 Maret 2026',
      'SP-3214-2026-0007  ·  Halaman 1/1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('flows a long item list onto further pages, repeating the table header', async () => {
    const bytes = await renderOrderDocument(order(60));
    const texts = await pageTexts(bytes);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    for (const [i, text] of texts.entries()) {
      expect(text).toContain('Barang/jasa');
      expect(text).toContain(`Halaman ${i + 1}/${texts.length}`);
    }
    const all = texts.join('\n');
    for (let i = 1; i <= 60; i++) expect(all).toContain(`Semen Portland 50 kg nomor ${i}\n`);
    expect(texts.at(-1)).toContain('Rp 1.950.000');
    expect(texts.at(-1)).toContain('Siti Aminah');
  });

  it('wraps long names and cuts a runaway one instead of overflowing the page', async () => {
    const long = 'Pipa PVC tipe AW diameter empat inci panjang empat meter '.repeat(3).trim();
    const runaway = 'x'.repeat(20_000);
    const bytes = await renderOrderDocument(
      order(0, {
        items: [
          { ...item(1), name: long },
          { ...item(2), name: runaway },
        ],
      }),
    );
    const texts = await pageTexts(bytes);
    const lines = texts.join('\n').split('\n');
    // Cell lines are drawn one after another, so joining them gives the whole name back.
    expect(lines.join(' ')).toContain(long);
    expect(lines.filter((l) => long.includes(l) && l.length > 10).length).toBeGreaterThanOrEqual(3);
    expect(lines.filter((l) => /^x+$/.test(l)).length).toBeLessThanOrEqual(11);
    expect(lines).toContain('…');
    expect(texts.length).toBeLessThanOrEqual(2);
  });

  it('leaves out the NIB and the notes when there are none', async () => {
    const base = order(2);
    const { nib: _nib, ...vendor } = base.vendor;
    const [text] = await pageTexts(await renderOrderDocument({ ...base, vendor, notes: undefined }));
    expect(text).not.toContain('NIB');
    expect(text).not.toContain('Catatan');
    expect(text).not.toContain('Alasan pemilihan');
  });

  it('replaces what WinAnsi cannot encode instead of throwing', async () => {
    const odd = order(0, {
      vendor: { ...order(0).vendor, businessName: 'Toko 🏗️ Maju 👨‍👩‍👧 Jaya 🇮🇩', ownerName: 'Şahin Çelik' },
      items: [
        { ...item(1), name: '水泥 Semen\u0000\ttipe\u200bI \ud800 café – “super”' },
        { ...item(2), name: 'بطاطا', unit: '㎏' },
      ],
      notes: { awardReason: 'baris satu\r\nbaris dua' },
    });
    const texts = await pageTexts(await renderOrderDocument(odd));
    const all = texts.join('\n');
    expect(all).toContain('Toko Maju Jaya');
    expect(all).toContain('Sahin Çelik');
    expect(all).toContain('?? Semen tipeI ? café – “super”');
    expect(all).toContain('????');
    expect(all).toContain('kg');
    expect(all).toContain('baris satu\nbaris dua');
  });
});

describe('document link signing', () => {
  const secret = 'test-secret-0123456789';
  const path = '/documents/orders/SP-3214-2026-0007.pdf';
  const now = new Date('2026-03-12T08:00:00Z');
  const expiresAt = new Date('2026-03-19T08:00:00Z');
  const parse = (signed: string) => {
    const url = new URL(signed, 'http://x');
    return { path: url.pathname, exp: url.searchParams.get('exp')!, sig: url.searchParams.get('sig')! };
  };

  it('round-trips until the expiry, and not after', () => {
    const signed = signDocumentPath(path, secret, expiresAt);
    expect(signed).toMatch(/^\/documents\/orders\/SP-3214-2026-0007\.pdf\?exp=\d+&sig=[0-9a-f]{64}$/);
    const s = parse(signed);
    expect(s.exp).toBe(String(expiresAt.getTime() / 1000));
    expect(verifyDocumentSignature(s.path, s.exp, s.sig, secret, now)).toBe(true);
    expect(verifyDocumentSignature(s.path, Number(s.exp), s.sig.toUpperCase(), secret, now)).toBe(true);
    expect(verifyDocumentSignature(s.path, s.exp, s.sig, secret, new Date(expiresAt.getTime() - 1))).toBe(
      true,
    );
    expect(verifyDocumentSignature(s.path, s.exp, s.sig, secret, expiresAt)).toBe(false);
    expect(verifyDocumentSignature(s.path, s.exp, s.sig, secret, new Date('2027-01-01'))).toBe(false);
  });

  it('rejects a tampered path, expiry or signature, another secret and malformed input', () => {
    const s = parse(signDocumentPath(path, secret, expiresAt));
    const flipped = (s.sig[0] === 'a' ? 'b' : 'a') + s.sig.slice(1);
    const cases: [string, string | undefined, string | undefined, string][] = [
      ['/documents/orders/SP-3214-2026-0008.pdf', s.exp, s.sig, secret],
      [path, String(Number(s.exp) + 3600), s.sig, secret],
      [path, s.exp, flipped, secret],
      [path, s.exp, s.sig.slice(0, 62), secret],
      [path, s.exp, `${s.sig}00`, secret],
      [path, s.exp, 'z'.repeat(64), secret],
      [path, s.exp, s.sig, 'another-secret'],
      [path, s.exp, s.sig, ''],
      [path, undefined, s.sig, secret],
      [path, s.exp, undefined, secret],
      [path, '', s.sig, secret],
      [path, `${s.exp}.0`, s.sig, secret],
      [path, `-${s.exp}`, s.sig, secret],
      [path, '1e12', s.sig, secret],
      [path, '9'.repeat(40), s.sig, secret],
    ];
    for (const [p, exp, sig, key] of cases) {
      expect(verifyDocumentSignature(p, exp, sig, key, now), JSON.stringify([p, exp, sig, key])).toBe(false);
    }
  });

  it('refuses to sign with an empty secret or a path that already has a query', () => {
    expect(() => signDocumentPath(path, '', expiresAt)).toThrow(/secret/);
    expect(() => signDocumentPath(`${path}?x=1`, secret, expiresAt)).toThrow(/query/);
    expect(() => signDocumentPath(path, secret, new Date(Number.NaN))).toThrow(/expiry/);
  });
});
