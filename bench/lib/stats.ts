/** Nearest-rank percentile of a sample (sorted copy); NaN for an empty sample. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const round = (n: number, digits = 1) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : n);

/** One line of the results table. `ratio` is value / baseline, whatever the unit. */
export interface Row {
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

export function row(r: Omit<Row, 'ratio'>): Row {
  const ratio =
    r.baseline !== undefined && r.baseline !== 0 && Number.isFinite(r.baseline)
      ? round(r.value / r.baseline, 3)
      : undefined;
  return { ...r, value: round(r.value, r.value < 10 ? 2 : 1), ...(ratio !== undefined ? { ratio } : {}) };
}

const cell = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function formatTable(rows: Row[]): string {
  const head = ['scenario', 'metric', 'value', 'baseline', 'ratio', 'target', 'met?'];
  const body = rows.map((r) => [
    r.scenario,
    r.metric,
    `${cell(r.value)} ${r.unit}`.trim(),
    r.baseline === undefined ? '' : `${cell(round(r.baseline, r.baseline < 10 ? 2 : 1))} ${r.unit}`.trim(),
    cell(r.ratio),
    cell(r.target),
    r.met === undefined ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
