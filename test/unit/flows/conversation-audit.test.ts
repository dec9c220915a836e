import { beforeAll, describe, expect, it } from 'vitest';
import type { FlowData, FlowName } from '../../../src/conversation/flow.js';
import { FLOW_NAMES } from '../../../src/conversation/flow.js';
import { FLOWS } from '../../../src/conversation/flows/index.js';
import { awardButton, orderButton, tenderButton } from '../../../src/domain/buttons.js';
import { RESTING_FLOWS } from '../../../src/domain/conversations.js';
import { type FlowHarness, flowHarness, type HarnessChat } from '../../support/flow-harness.js';
import { testClock } from '../../support/time.js';

/**
 * The conversation audit (issue 22): every step of every flow, in memory, checked for
 * (a) no reply whose text numbers things under the numbers of its options, unless line N is
 *     option N (the ranked quotes and their buttons);
 * (b) a way back from every screen: *menu* reaches the main menu (after the leave question where
 *     answers would be lost), and a screen one only looks at has a back button;
 * (c) the buttons the system sends (tender alerts, award questions, orders) act from any screen.
 */

const VENDOR_FLOWS: FlowName[] = ['open_tenders', 'my_quotes', 'my_orders', 'tender', 'order', 'rate'];
const NEWCOMER_FLOWS: FlowName[] = ['start', 'vendor_reg', 'officer_reg'];

let h: FlowHarness;
let openNeed: number;
let closedNeed: number;
let cheapestQuote: number;
let orderId: number;
let officer: HarnessChat;
let vendor: HarnessChat;

beforeAll(async () => {
  h = await flowHarness({ clock: testClock('10.00') });
  const o = await h.officer();
  const v = await h.vendor();
  officer = o;
  vendor = v;
  const now = h.clock.now().getTime();
  const items = [{ name: 'Semen', quantity: 50, unit: 'sak' }];
  openNeed = h.seedTender(o.officerId, v.vendorId, {
    title: 'Semen',
    hps: 15_000_000,
    deadline: new Date(now + 2 * 86_400_000),
    items,
  });
  closedNeed = h.seedTender(o.officerId, v.vendorId, {
    title: 'Pasir',
    hps: 15_000_000,
    deadline: new Date(now - 3_600_000),
    items,
  });
  const closed = h.world.needs.get(closedNeed);
  if (closed) closed.status = 'closed';
  cheapestQuote = ++h.world.seq;
  h.world.quotes.push({
    id: cheapestQuote,
    needId: closedNeed,
    vendorId: v.vendorId,
    total: 14_000_000,
    days: 3,
    revision: 1,
    status: 'active',
  });
  // A second quote, so the minimum of a permintaan penawaran (2) is met and the officer chooses.
  const other = await h.vendor('TB Lain');
  h.world.invitations.push({ needId: closedNeed, vendorId: other.vendorId, status: 'quoted' });
  h.world.quotes.push({
    id: ++h.world.seq,
    needId: closedNeed,
    vendorId: other.vendorId,
    total: 14_500_000,
    days: 2,
    revision: 1,
    status: 'active',
  });
  const ordered = h.seedTender(o.officerId, v.vendorId, {
    title: 'Batu',
    hps: 15_000_000,
    deadline: new Date(now - 3_600_000),
    items,
  });
  orderId = h.seedOrder(ordered, v.vendorId, 14_000_000);
});

/** Who would be on this flow, and what it is about. */
const whoIs = (flow: FlowName) =>
  NEWCOMER_FLOWS.includes(flow) ? 'newcomer' : VENDOR_FLOWS.includes(flow) ? 'vendor' : 'officer';

function placeFor(flow: FlowName): { who: 'officer' | 'vendor' | 'newcomer'; data: FlowData } {
  const who = whoIs(flow);
  const data: FlowData =
    flow === 'tender'
      ? { needId: openNeed }
      : flow === 'award'
        ? { needId: closedNeed }
        : flow === 'need_view'
          ? { needId: openNeed }
          : flow === 'need_post'
            ? needAnswers()
            : ['order', 'receipt', 'payment', 'rate'].includes(flow)
              ? { orderId }
              : {};
  return { who, data };
}

/** A need with every answer given, so the summary and the lists render in full. */
function needAnswers(): FlowData {
  const now = h.clock.now().getTime();
  const item = { name: 'Semen', quantity: 50, unit: 'sak' };
  return {
    title: 'Semen untuk jalan',
    categoryId: 1,
    items: [item, { name: 'Pasir', quantity: 2, unit: 'truk' }],
    cur: 'Semen',
    split: item,
    hps: 15_000_000,
    deadline: new Date(now + 2 * 86_400_000).toISOString(),
    place: 'Kantor desa',
    neededBy: new Date(now + 9 * 86_400_000).toISOString(),
  };
}

const SCREENS = FLOW_NAMES.flatMap((flow) => Object.keys(FLOWS[flow].steps).map((step) => ({ flow, step })));

function person(who: 'officer' | 'vendor' | 'newcomer'): HarnessChat {
  return who === 'officer' ? officer : who === 'vendor' ? vendor : h.chat();
}

describe('the conversation audit', () => {
  it('covers every step of every flow', () => {
    expect(SCREENS.length).toBeGreaterThan(60);
    expect(new Set(SCREENS.map((s) => s.flow)).size).toBe(FLOW_NAMES.length);
  });

  it.each(SCREENS)(
    '$flow/$step: no numbered things beside numbered options; *menu* leads home',
    async ({ flow, step }) => {
      const { who, data } = placeFor(flow);
      const p = person(who);
      p.enter(flow, step, data);
      await p.say('bantuan');
      const screen = p.last;
      if (screen.options.length > 0) {
        // A numbered line must be the option of the same number (the ranked quotes and their
        // buttons), never something else under the same number.
        const clashes = screen.text
          .split('\n')
          .map((line) => /^\s*(\d+)[.)]\s+(.*)$/.exec(line))
          .filter((m): m is RegExpExecArray => m !== null)
          .filter((m) => {
            const option = screen.options[Number(m[1]) - 1];
            return !option || !(m[2] ?? '').startsWith(option.split(' — ')[0] ?? option);
          })
          .map((m) => m[0]);
        expect({ screen: `${flow}/${step}`, clashes }).toEqual({ screen: `${flow}/${step}`, clashes: [] });
      }
      if ((RESTING_FLOWS as readonly string[]).includes(flow) && flow !== 'menu' && p.flow === flow) {
        expect(screen.options.some((o) => o.startsWith('Kembali'))).toBe(true);
      }
      await p.say('menu');
      if (p.flow !== 'menu' && p.flow !== 'start') await p.say('ya'); // "answers would be lost — leave?"
      expect({ screen: `${flow}/${step}`, now: p.flow }).toEqual({
        screen: `${flow}/${step}`,
        now: who === 'newcomer' ? 'start' : 'menu',
      });
    },
  );

  it.each(SCREENS.filter(({ flow }) => whoIs(flow) !== 'newcomer'))(
    '$flow/$step: the buttons of alerts, award questions and orders act from here',
    async ({ flow, step }) => {
      const { who, data } = placeFor(flow);
      const p = person(who);
      p.enter(flow, step, data);
      if (who === 'vendor') {
        await p.say({ optionId: tenderButton(openNeed, 'details') });
        expect([p.flow, p.step]).toEqual(['tender', 'alert']);
        expect(p.last.text).toContain('Semen');
        p.enter(flow, step, data);
        await p.say({ optionId: orderButton(orderId, 'decline') });
        expect([p.flow, p.step]).toEqual(['order', 'decline_reason']);
      } else {
        await p.say({ optionId: awardButton(closedNeed, { quoteId: cheapestQuote }) });
        expect([p.flow, p.step]).toEqual(['award', 'negotiate']);
      }
      await p.say('menu');
      if (p.flow !== 'menu') await p.say('ya');
    },
  );
});
