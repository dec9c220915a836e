import type { ConsoleKey } from '../../i18n/console-id.js';

/**
 * The console's areas, in menu order: their path and menu label. The menu (ui.tsx), the mounts
 * (index.tsx, one per path, checked by the compiler) and the tests' list of pages read this one
 * list, so a new area is its page file and one line here.
 */
export const CONSOLE_AREAS = [
  { path: '/console', nav: 'nav.dashboard' },
  { path: '/console/verify', nav: 'nav.verify' },
  { path: '/console/invites', nav: 'nav.invites' },
  { path: '/console/needs', nav: 'nav.needs' },
  { path: '/console/vendors', nav: 'nav.vendors' },
  { path: '/console/problems', nav: 'nav.problems' },
  { path: '/console/complaints', nav: 'nav.complaints' },
  { path: '/console/settings', nav: 'nav.settings' },
  { path: '/console/audit', nav: 'nav.audit' },
  { path: '/console/broadcast', nav: 'nav.broadcast' },
  { path: '/console/simulator', nav: 'nav.simulator' },
  { path: '/console/whatsapp', nav: 'nav.whatsapp' },
  { path: '/console/queues', nav: 'nav.queues' },
] as const satisfies ReadonlyArray<{ path: string; nav: ConsoleKey }>;

export type ConsoleArea = (typeof CONSOLE_AREAS)[number]['path'];
