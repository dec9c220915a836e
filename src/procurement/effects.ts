import type { JobRequest } from './scheduler.js';

/**
 * What a transaction produced beyond its own rows: outbox messages to hand to the relay, and
 * jobs to start — both only after the commit, so nothing goes out for work that rolled back.
 */
export interface Effects {
  outboxIds: number[];
  jobs: JobRequest[];
}

export const newEffects = (): Effects => ({ outboxIds: [], jobs: [] });
