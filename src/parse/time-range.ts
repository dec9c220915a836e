/**
 * Quiet hours as people type them: "21-6", "21.00-06.00", "21:00 sampai 06:00", "jam 9 malam
 * - 6 pagi". Returns minutes after midnight; `off` words mean no quiet hours (start = end).
 */
export type TimeRange = { start: number; end: number };

const OFF = ['tidak ada', 'tidak', 'mati', 'off', 'none', 'nonaktif', 'matikan'];

function parseClock(raw: string): number | null {
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^(jam|pukul)\s*/, '');
  const m = /^(\d{1,2})(?:[.:](\d{2}))?\s*(pagi|siang|sore|malam)?$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] ? Number(m[2]) : 0;
  const part = m[3];
  if (h > 24 || min > 59) return null;
  if (part === 'siang' && h < 11) h += 12;
  if (part === 'sore' && h < 12) h += 12;
  if (part === 'malam' && h >= 6 && h < 12) h += 12;
  if (part === 'malam' && h === 12) h = 0;
  if (h === 24) h = 0;
  return h * 60 + min;
}

export function parseTimeRange(input: string): TimeRange | 'off' | null {
  const s = input.trim().toLowerCase();
  if (s.length > 60) return null;
  if (OFF.includes(s)) return 'off';
  const parts = s.split(/\s*(?:-|–|s\/d|sampai|hingga|to|until)\s*/);
  if (parts.length !== 2) return null;
  const start = parseClock(parts[0] ?? '');
  const end = parseClock(parts[1] ?? '');
  if (start === null || end === null || start === end) return null;
  return { start, end };
}

export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}.${String(m).padStart(2, '0')}`;
}
