import type { NoticeEvent } from '../domain/events.js';
import type { JobRequest } from './scheduler.js';

/**
 * What a transaction produced beyond its own rows: notices for other people (written into the
 * outbox by src/notices before the commit), and — only after the commit, so nothing goes out for
 * work that rolled back — outbox ids to hand to the relay and jobs to start.
 */
export interface Effects {
  events: NoticeEvent[];
  outboxIds: number[];
  jobs: JobRequest[];
}

export const newEffects = (): Effects => ({ events: [], outboxIds: [], jobs: [] });
