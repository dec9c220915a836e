import { describe, expect, it } from 'vitest';
import { tenderButton } from '../../../src/domain/buttons.js';
import { flowHarness } from '../../support/flow-harness.js';
import { testClock } from '../../support/time.js';

// A vendor quotes on a need it was alerted to, in memory (the need seeded, the alert's
// conversation move done as the notice would).

async function invited(items = [{ name: 'Semen', quantity: 50, unit: 'sak' }]) {
  const h = await flowHarness({ clock: testClock('10.00') });
  const officer = await h.officer();
  const vendor = await h.vendor();
  const deadline = new Date(h.clock.now().getTime() + 2 * 86_400_000);
  const needId = h.seedTender(officer.officerId, vendor.vendorId, {
    title: 'Semen jalan',
    hps: 15_000_000,
    deadline,
    items,
  });
  vendor.enter('tender', 'alert', { needId });
  return { h, vendor, needId, deadline };
}

describe('quoting (in memory)', () => {
  it('sends a total quote from the alert: price, days, note, confirm', async () => {
    const { h, vendor, needId } = await invited();
    await vendor.say({ optionId: tenderButton(needId, 'quote') });
    expect(vendor.step).toBe('total');
    await vendor.say('14,5 juta');
    await vendor.say('3 hari');
    await vendor.say('lewati');
    expect(vendor.last.text).toContain('Rp14.500.000');
    await vendor.say('ya');
    expect(vendor.last.text).toContain('terkirim');
    expect(h.world.quotes).toEqual([
      expect.objectContaining({ needId, total: 14_500_000, days: 3, revision: 1 }),
    ]);
  });

  it('quotes item by item when the need has several, and adds up the lines', async () => {
    const { h, vendor, needId } = await invited([
      { name: 'Semen', quantity: 50, unit: 'sak' },
      { name: 'Pasir', quantity: 2, unit: 'truk' },
    ]);
    await vendor.say('1');
    expect(vendor.step).toBe('mode');
    await vendor.say('per barang');
    await vendor.say('65rb');
    await vendor.say('1,8 juta');
    expect(vendor.step).toBe('delivery');
    expect(vendor.data.total).toBe(50 * 65_000 + 2 * 1_800_000);
    await vendor.say('besok');
    await vendor.say('lewati');
    await vendor.say('ya');
    expect(h.world.quotes[0]).toMatchObject({ needId, total: 6_850_000, days: 1 });
  });

  it('asks about a missing zero when the total is far below what the need is worth', async () => {
    const { vendor } = await invited();
    await vendor.say('1');
    await vendor.say('14.500');
    expect(vendor.step).toBe('total');
    expect(vendor.last.text).toContain('Rp14.500');
  });

  it('refuses delivery days it cannot read, with an example', async () => {
    const { vendor } = await invited();
    for (const text of ['1', '14,5 juta']) await vendor.say(text);
    await vendor.say('secepatnya');
    expect(vendor.step).toBe('delivery');
    expect(vendor.last.text).toContain('3 hari');
  });

  it('says the deadline has passed when the vendor answers too late', async () => {
    const { h, vendor, deadline } = await invited();
    h.clock.set(new Date(deadline.getTime() + 60_000));
    await vendor.say('1');
    expect(vendor.flow).toBe('menu');
    expect(h.world.quotes).toEqual([]);
  });

  it('revises and withdraws before the deadline', async () => {
    const { h, vendor, needId } = await invited();
    for (const text of ['1', '14,5 juta', '3', 'lewati', 'ya']) await vendor.say(text);
    // The alert's buttons act from the menu too (they carry the need).
    expect(vendor.flow).toBe('menu');
    await vendor.say({ optionId: tenderButton(needId, 'withdraw') });
    expect(vendor.step).toBe('withdraw');
    await vendor.say('ya');
    expect(vendor.last.text).toContain('ditarik');
    expect(h.world.quotes.map((q) => q.status)).toEqual(['withdrawn']);
  });
});

describe('an old alert after "Tidak berminat" (issue 22 item 6)', () => {
  it('asks before quoting, and quotes when the vendor changed its mind', async () => {
    const { h, vendor, needId } = await invited();
    await vendor.say({ optionId: tenderButton(needId, 'decline') });
    expect(h.world.invitations[0]?.status).toBe('declined');
    await vendor.say({ optionId: tenderButton(needId, 'quote') });
    expect(vendor.step).toBe('reconsider');
    expect(vendor.last.text).toContain('tidak berminat');
    await vendor.say('ya');
    expect(vendor.step).toBe('total');
    expect(h.world.invitations[0]?.status).toBe('viewed');
  });

  it('keeps the decision when the vendor says no', async () => {
    const { h, vendor, needId } = await invited();
    await vendor.say({ optionId: tenderButton(needId, 'decline') });
    await vendor.say({ optionId: tenderButton(needId, 'quote') });
    await vendor.say('tidak');
    expect(vendor.flow).toBe('menu');
    expect(h.world.invitations[0]?.status).toBe('declined');
    expect(h.world.quotes).toEqual([]);
  });
});

describe('a price per unit where the total is asked (issue 22)', () => {
  it('works out the total for a one-item need and asks to confirm it', async () => {
    const { h, vendor } = await invited([{ name: 'Pasir', quantity: 2, unit: 'truk' }]);
    await vendor.say('1');
    expect(vendor.step).toBe('total');
    await vendor.say('1.800.000 per truk');
    expect(vendor.step).toBe('total_check');
    expect(vendor.last.text).toContain('Rp1.800.000 per truk × 2 truk = *Rp3.600.000*');
    await vendor.say('ya');
    expect(vendor.step).toBe('delivery');
    for (const text of ['2', 'lewati', 'ya']) await vendor.say(text);
    expect(h.world.quotes[0]).toMatchObject({ total: 3_600_000 });
  });

  it('asks the total again when the vendor says the sum is not it', async () => {
    const { vendor } = await invited([{ name: 'Semen', quantity: 50, unit: 'sak' }]);
    await vendor.say('1');
    await vendor.say('65rb/sak');
    await vendor.say('tidak');
    expect(vendor.step).toBe('total');
    expect(vendor.data.total).toBeUndefined();
  });

  it('explains what to do when the need has several items', async () => {
    const { vendor } = await invited([
      { name: 'Semen', quantity: 50, unit: 'sak' },
      { name: 'Pasir', quantity: 2, unit: 'truk' },
    ]);
    await vendor.say('1');
    await vendor.say('total');
    await vendor.say('65rb per sak');
    expect(vendor.step).toBe('total');
    expect(vendor.last.text).toContain('Harga per barang');
  });
});
