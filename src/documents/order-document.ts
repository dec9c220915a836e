import { PageSizes, PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

/** Every caption on the document; the caller localises them (and names them per the Perbup). */
export interface OrderDocumentLabels {
  number: string;
  date: string;
  buyer: string;
  desa: string;
  kecamatan: string;
  kabupaten: string;
  name: string;
  position: string;
  vendor: string;
  businessName: string;
  owner: string;
  address: string;
  phone: string;
  nib: string;
  need: string;
  needNumber: string;
  needTitle: string;
  method: string;
  itemNo: string;
  itemName: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  lineTotal: string;
  total: string;
  totalInWords: string;
  delivery: string;
  deliveryPlace: string;
  deliveryDate: string;
  notes: string;
  awardReason: string;
  negotiation: string;
  buyerSignature: string;
  vendorSignature: string;
  page: string;
}

/** Quantities and money arrive formatted, so the document never guesses a locale. */
export interface OrderDocumentItem {
  name: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  lineTotal: string;
}

export interface OrderDocumentData {
  /** The regency's name for the document: SURAT PESANAN, SURAT PERJANJIAN, KUITANSI… */
  title: string;
  number: string;
  issuedAt: string;
  desa: { name: string; kecamatan: string; kabupaten: string };
  buyer: { name: string; position: string };
  vendor: { businessName: string; ownerName: string; address: string; phone: string; nib?: string };
  need: { number: string; title: string; method: string };
  items: OrderDocumentItem[];
  total: string;
  totalInWords: string;
  delivery: { place: string; date: string };
  notes?: { awardReason?: string; negotiation?: string };
  signatures: {
    /** e.g. "Sukamaju, 12 Maret 2026", printed above the two columns. */
    placeAndDate?: string;
    buyer: { name: string; position: string };
    vendor: { name: string; position: string };
  };
  labels: OrderDocumentLabels;
}

const [PAGE_W, PAGE_H] = PageSizes.A4;
const MARGIN = 50;
const CONTENT_W = PAGE_W - 2 * MARGIN;
const BOTTOM = 60; // keeps the footer clear
const SIZE = 10;
const LINE = 13.5;
const T_SIZE = 9;
const T_LINE = 11.5;
const PAD = 4;
const LABEL_W = 110;
const MAX_CELL_LINES = 12; // a pasted essay in an item name must not outgrow a page
const GREY = rgb(0.35, 0.35, 0.35);
const COLUMNS: { w: number; right: boolean }[] = [
  { w: 25, right: true },
  { w: 190, right: false },
  { w: 45, right: true },
  { w: 50, right: false },
  { w: 85, right: true },
  { w: CONTENT_W - 395, right: true },
];

/**
 * Standard fonts only encode WinAnsi; pdf-lib throws on anything else. Names typed in a chat
 * carry emoji and letters from other scripts, so fold what we can (ş → s, ﬁ → fi), drop emoji
 * and invisible joiners (decoration, not content, on an official document), and mark any other
 * letter with "?" so a reader sees that something is missing.
 */
function winAnsi(text: string, supported: Set<number>): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0)!;
    if (supported.has(cp) || ch === '\n') out += ch;
    else if (/[\p{Cc}\p{Zs}\p{Zl}\p{Zp}]/u.test(ch)) out += ' ';
    else if (/[\p{Mn}\p{Me}\p{Cf}\p{Extended_Pictographic}\p{Emoji_Component}]/u.test(ch)) continue;
    else {
      const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      const ok = folded !== '' && [...folded].every((c) => supported.has(c.codePointAt(0)!));
      out += ok ? folded : '?';
    }
  }
  return out;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const ch of word) {
        if (line && !fits(line + ch)) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    }
    lines.push(line);
  }
  return lines;
}

export async function renderOrderDocument(data: OrderDocumentData): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const supported = new Set(regular.getCharacterSet());
  const clean = (s: string) => winAnsi(s.replace(/\r\n?/g, '\n'), supported);
  const L = data.labels;

  let page: PDFPage = doc.addPage(PageSizes.A4);
  let y = PAGE_H - MARGIN;
  const newPage = () => {
    page = doc.addPage(PageSizes.A4);
    y = PAGE_H - MARGIN;
  };
  const ensure = (h: number) => {
    if (y - h < BOTTOM) newPage();
  };
  const draw = (s: string, x: number, baseline: number, font = regular, size = SIZE): void => {
    page.drawText(s, { x, y: baseline, size, font });
  };
  const drawRight = (s: string, right: number, baseline: number, font = regular, size = SIZE): void => {
    draw(s, right - font.widthOfTextAtSize(s, size), baseline, font, size);
  };

  const centred = (text: string, font: PDFFont, size: number) => {
    for (const line of wrap(clean(text), font, size, CONTENT_W)) {
      ensure(size + 4);
      draw(line, MARGIN + (CONTENT_W - font.widthOfTextAtSize(line, size)) / 2, y - size, font, size);
      y -= size + 4;
    }
  };
  const heading = (text: string) => {
    y -= 6;
    ensure(LINE * 2); // a heading never sits alone at the foot of a page
    for (const line of wrap(clean(text), bold, SIZE, CONTENT_W)) {
      draw(line, MARGIN, y - SIZE, bold);
      y -= LINE;
    }
  };
  // Line by line, so a long note flows onto the next page instead of overflowing this one.
  const field = (label: string, value: string) => {
    const labelLines = wrap(clean(label), regular, SIZE, LABEL_W - 8);
    const valueLines = wrap(clean(value), regular, SIZE, CONTENT_W - LABEL_W - 8);
    for (let i = 0; i < Math.max(labelLines.length, valueLines.length); i++) {
      ensure(LINE);
      if (labelLines[i]) draw(labelLines[i]!, MARGIN, y - SIZE);
      if (i === 0) draw(':', MARGIN + LABEL_W - 4, y - SIZE);
      if (valueLines[i]) draw(valueLines[i]!, MARGIN + LABEL_W + 4, y - SIZE);
      y -= LINE;
    }
  };

  type Row = { lines: string[][]; h: number };
  const measure = (cells: string[], font: PDFFont): Row => {
    const lines = cells.map((cell, i) => {
      const all = wrap(clean(cell), font, T_SIZE, COLUMNS[i]!.w - 2 * PAD);
      return all.length > MAX_CELL_LINES ? [...all.slice(0, MAX_CELL_LINES - 1), '…'] : all;
    });
    return { lines, h: Math.max(...lines.map((l) => l.length)) * T_LINE + 2 * PAD };
  };
  const drawRow = (row: Row, font: PDFFont, shaded = false) => {
    if (shaded) {
      page.drawRectangle({
        x: MARGIN,
        y: y - row.h,
        width: CONTENT_W,
        height: row.h,
        color: rgb(0.9, 0.9, 0.9),
      });
    }
    let x = MARGIN;
    row.lines.forEach((cellLines, i) => {
      const col = COLUMNS[i]!;
      cellLines.forEach((line, j) => {
        const baseline = y - PAD - T_SIZE + 1 - j * T_LINE;
        if (col.right) drawRight(line, x + col.w - PAD, baseline, font, T_SIZE);
        else draw(line, x + PAD, baseline, font, T_SIZE);
      });
      x += col.w;
    });
    y -= row.h;
    page.drawLine({
      start: { x: MARGIN, y },
      end: { x: MARGIN + CONTENT_W, y },
      thickness: 0.5,
      color: GREY,
    });
  };

  centred(data.title, bold, 15);
  centred(`${L.number}: ${data.number}`, regular, SIZE);
  y -= 10;
  field(L.date, data.issuedAt);

  heading(L.buyer);
  field(L.desa, data.desa.name);
  field(L.kecamatan, data.desa.kecamatan);
  field(L.kabupaten, data.desa.kabupaten);
  field(L.name, data.buyer.name);
  field(L.position, data.buyer.position);

  heading(L.vendor);
  field(L.businessName, data.vendor.businessName);
  field(L.owner, data.vendor.ownerName);
  field(L.address, data.vendor.address);
  field(L.phone, data.vendor.phone);
  if (data.vendor.nib) field(L.nib, data.vendor.nib);

  heading(L.need);
  field(L.needNumber, data.need.number);
  field(L.needTitle, data.need.title);
  field(L.method, data.need.method);

  y -= 10;
  const header = measure([L.itemNo, L.itemName, L.quantity, L.unit, L.unitPrice, L.lineTotal], bold);
  const rows = data.items.map((it, i) =>
    measure([String(i + 1), it.name, it.quantity, it.unit, it.unitPrice, it.lineTotal], regular),
  );
  ensure(header.h + (rows[0]?.h ?? 0));
  drawRow(header, bold, true);
  for (const row of rows) {
    if (y - row.h < BOTTOM) {
      newPage();
      drawRow(header, bold, true); // every page of the table says what its columns are
    }
    drawRow(row, regular);
  }
  // The total's caption may spill left over the empty columns instead of wrapping in one.
  const totalRow = measure(['', '', '', '', '', data.total], bold);
  totalRow.lines[4] = wrap(clean(L.total), bold, T_SIZE, CONTENT_W - COLUMNS[5]!.w - 2 * PAD);
  totalRow.h = Math.max(...totalRow.lines.map((l) => l.length)) * T_LINE + 2 * PAD;
  ensure(totalRow.h);
  drawRow(totalRow, bold);
  y -= 6;
  field(L.totalInWords, data.totalInWords);

  heading(L.delivery);
  field(L.deliveryPlace, data.delivery.place);
  field(L.deliveryDate, data.delivery.date);

  const { awardReason, negotiation } = data.notes ?? {};
  if (awardReason || negotiation) {
    heading(L.notes);
    if (awardReason) field(L.awardReason, awardReason);
    if (negotiation) field(L.negotiation, negotiation);
  }

  // The signature block is never split: a signature must sit on the same page as its name.
  const colW = CONTENT_W / 2;
  const blocks = [
    { caption: L.buyerSignature, ...data.signatures.buyer, x: MARGIN },
    { caption: L.vendorSignature, ...data.signatures.vendor, x: MARGIN + colW },
  ].map((b) => ({
    x: b.x,
    top: [
      ...wrap(clean(b.caption), regular, SIZE, colW - 20),
      ...wrap(clean(b.position), regular, SIZE, colW - 20),
    ],
    name: wrap(clean(b.name), bold, SIZE, colW - 20),
  }));
  const place = data.signatures.placeAndDate
    ? wrap(clean(data.signatures.placeAndDate), regular, SIZE, colW - 20)
    : [];
  const topLines = Math.max(...blocks.map((b) => b.top.length));
  const nameLines = Math.max(...blocks.map((b) => b.name.length));
  y -= 20;
  ensure((place.length + topLines + nameLines) * LINE + 60);
  place.forEach((line) => {
    draw(line, MARGIN + colW, y - SIZE);
    y -= LINE;
  });
  const nameTop = y - topLines * LINE - 55;
  for (const b of blocks) {
    for (const [i, line] of b.top.entries()) draw(line, b.x, y - SIZE - i * LINE);
    for (const [i, line] of b.name.entries()) draw(line, b.x, nameTop - SIZE - i * LINE, bold);
    const underline = nameTop - SIZE - (b.name.length - 1) * LINE - 3;
    page.drawLine({
      start: { x: b.x, y: underline },
      end: { x: b.x + colW - 20, y: underline },
      thickness: 0.5,
    });
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    const footer = clean(`${data.number}  ·  ${L.page} ${i + 1}/${pages.length}`);
    p.drawText(footer, { x: MARGIN, y: 30, size: 8, font: regular, color: GREY });
  });

  // Metadata is UTF-16 in PDF, so it keeps the exact number even when the page text was folded.
  doc.setTitle(`${data.title} ${data.number}`);
  doc.setSubject(data.need.title);
  doc.setKeywords([data.number, data.need.number]);
  doc.setCreator('PesanDesa');
  doc.setProducer('PesanDesa');
  return doc.save();
}
