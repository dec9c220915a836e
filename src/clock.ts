/**
 * The time as the system sees it. Production uses the wall clock; tests and training
 * sandboxes use an offset clock they can move forward ("acceleration mode"), so a quote
 * deadline can pass without anyone waiting for it.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class OffsetClock implements Clock {
  private offsetMs: number;
  /**
   * Runs from `start` (any instant, past or future: a test pins the calendar it plays on, a
   * training sandbox its scenario's day), or from the wall clock when none is given.
   */
  constructor(start?: Date) {
    this.offsetMs = start ? start.getTime() - Date.now() : 0;
  }
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  /** Moves the clock to an absolute instant (never backwards). */
  set(to: Date): void {
    this.offsetMs = Math.max(this.offsetMs, to.getTime() - Date.now());
  }
}
