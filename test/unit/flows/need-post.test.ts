import { describe, expect, it } from 'vitest';
import { flowHarness } from '../../support/flow-harness.js';
import { dayFromToday, testClock, typed, wibAt } from '../../support/time.js';

// Posting a need, in memory: every answer typed as an officer would, dates computed from the
// pinned clock (10.00 WIB on TEST_NOW's day).

async function postUntil(step: string) {
  const h = await flowHarness({ clock: testClock('10.00') });
  const c = await h.officer();
  const deadlineDay = dayFromToday(h.clock, 3);
  const answers = [
    'menu',
    '1',
    'Semen untuk jalan desa',
    'bahan bangunan',
    'Semen 50 kg',
    '50 sak',
    'selesai',
    'kira-kira 25 juta',
    `${typed.slash(deadlineDay)} 14.00`,
    '1',
    typed.slash(dayFromToday(h.clock, 10)),
  ];
  for (const text of answers) {
    if (c.step === step) break;
    await c.say(text);
  }
  return { h, c, deadline: wibAt(deadlineDay, '14.00') };
}

describe('posting a need (in memory)', () => {
  it('goes from the menu to a published need with the method from the HPS', async () => {
    const { h, c, deadline } = await postUntil('never');
    expect(c.step).toBe('confirm');
    expect(c.last.text).toContain('Semen untuk jalan desa');
    expect(c.last.text).toContain('Rp25.000.000');
    expect(c.last.text).toContain('Permintaan penawaran');
    await c.say('ya');
    expect(c.last.text).toContain('sudah diumumkan');
    const [need] = h.world.needs.values();
    expect(need).toMatchObject({
      title: 'Semen untuk jalan desa',
      hps: 25_000_000,
      method: 'permintaan_penawaran',
      quoteDeadline: deadline,
      items: [expect.objectContaining({ name: 'Semen 50 kg', quantity: 50, unit: 'sak' })],
    });
    expect(c.flow).toBe('menu');
  });

  it('keeps the answers as typed data between turns (dates come back as dates)', async () => {
    const { c, deadline } = await postUntil('needed_by');
    expect(c.step).toBe('needed_by');
    // Stored as JSON, read back by the flow's schema on the next turn.
    expect(c.data.deadline).toBe(deadline.toISOString());
    expect(c.data.hps).toBe(25_000_000);
  });

  it('refuses an amount it cannot read, and says what works', async () => {
    const { c } = await postUntil('hps');
    await c.say('mahal');
    expect(c.step).toBe('hps');
    expect(c.last.text).toContain('1,5 juta');
  });

  it('refuses a deadline sooner than the minimum window, naming the earliest', async () => {
    const { c } = await postUntil('deadline');
    await c.say('hari ini jam 10.05');
    expect(c.step).toBe('deadline');
    expect(c.last.text).toContain('paling cepat');
  });

  it('refuses a needed-by date before the quote deadline', async () => {
    const { h, c } = await postUntil('needed_by');
    await c.say(typed.slash(dayFromToday(h.clock, 1)));
    expect(c.step).toBe('needed_by');
    expect(c.last.text).toContain('sesudah batas penawaran');
  });

  it('lets the officer change one answer from the summary', async () => {
    const { c } = await postUntil('never');
    await c.say('ubah data');
    expect(c.step).toBe('edit');
    await c.say('judul');
    await c.say('Pasir untuk jalan desa');
    expect(c.step).toBe('confirm');
    expect(c.last.text).toContain('Pasir untuk jalan desa');
  });

  it('tells an officer still waiting for verification that posting must wait', async () => {
    const h = await flowHarness();
    const c = await h.officer({ verified: false });
    await c.say('menu');
    await c.say('1');
    expect(c.flow).toBe('menu');
    expect(h.world.needs.size).toBe(0);
  });
});
