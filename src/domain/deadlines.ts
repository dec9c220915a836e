const MINUTE = 60_000;

/**
 * The earliest quote deadline allowed at `now`: the regency's minimum window ahead, rounded up to
 * the whole minute. People type minutes, so the time the chat names as the earliest must be one
 * they can type back and have accepted (at 08.04.47 with no window, "08.05", not "08.04").
 */
export function earliestDeadline(now: Date, minWindowMinutes: number): Date {
  return new Date(Math.ceil((now.getTime() + minWindowMinutes * MINUTE) / MINUTE) * MINUTE);
}
