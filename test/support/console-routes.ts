import { CONSOLE_AREAS } from '../../src/console/pages/list.js';

// Every console route, with a plausible form for each POST: the access and hostile-input tests
// walk the same list, so a new page is added once.

/**
 * The console's own pages (bull-board and the exports aside): every area of the menu, and the
 * page of one need and of one simulated chat.
 */
export const consolePages = (needId: number, simulatedChat: string) => [
  ...CONSOLE_AREAS.map((a) => a.path).filter((p) => p !== '/console/queues'),
  `/console/needs/${needId}`,
  `/console/simulator/${simulatedChat}`,
];

export const CONSOLE_GET_ROUTES = [
  ...consolePages(1, 'someone'),
  '/console/queues',
  '/console/queues/api/queues',
  '/console/export/needs.csv',
  '/console/no-such-page',
];
export const CONSOLE_POST_ROUTES: Array<[string, Record<string, string>]> = [
  ['/console/logout', {}],
  ['/console/lang', { back: '/console' }],
  ['/console/verify/vendor/1', { decision: 'approve' }],
  ['/console/invites', { village: '32.14.01.2001', days: '30' }],
  ['/console/complaints/1', { status: 'resolved', reply: 'x' }],
  ['/console/settings/32.14', { direct_purchase_max: '1' }],
  ['/console/settings-categories', {}],
  ['/console/audit/verify', {}],
  ['/console/broadcast', { regency: '32.14', text: 'x' }],
  ['/console/simulator/someone', { text: 'halo' }],
];
