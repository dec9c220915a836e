import type { Migration } from 'kysely';
import * as m0001 from './0001_areas_people.js';
import * as m0002 from './0002_procurement.js';
import * as m0003 from './0003_engine_outbox_audit.js';
import * as m0004 from './0004_lifecycle_timers.js';
import * as m0005 from './0005_outbox_on_sent.js';
import * as m0006 from './0006_console.js';
import * as m0007 from './0007_audit_append_only.js';
import * as m0008 from './0008_link_codes.js';

// Listed by hand rather than read from the folder: the same list works from TypeScript
// sources (tests, tsx) and from the compiled build, and a missing import fails the typecheck.
export const migrations: Record<string, Migration> = {
  '0001_areas_people': m0001,
  '0002_procurement': m0002,
  '0003_engine_outbox_audit': m0003,
  '0004_lifecycle_timers': m0004,
  '0005_outbox_on_sent': m0005,
  '0006_console': m0006,
  '0007_audit_append_only': m0007,
  '0008_link_codes': m0008,
};
