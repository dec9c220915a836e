import { describe, expect, it } from 'vitest';
import { flowHarness } from '../../support/flow-harness.js';
import { testClock } from '../../support/time.js';

// Issue 22 item 8: what people share without being asked, in memory.

describe('a location, a contact or a photo where none is asked', () => {
  it('thanks for a location at the menu and asks the menu again, not "pilihan itu tidak ada"', async () => {
    const h = await flowHarness({ clock: testClock('10.00') });
    const c = await h.officer();
    await c.say('menu');
    await c.say({ location: { latitude: -6.55, longitude: 107.44 } });
    expect(c.last.text).toContain('lokasi tidak diperlukan');
    expect(c.last.text).not.toContain('pilihan itu tidak ada');
    expect(c.last.options).toContain('Buat kebutuhan baru');
    expect(c.step).toBe('main');
  });

  it('thanks for a contact where none is asked, and takes one where the phone is asked', async () => {
    const h = await flowHarness({ clock: testClock('10.00') });
    const c = h.chat();
    await c.say('halo');
    await c.say({ contact: { phone: '+6281234567890' } });
    expect(c.last.text).toContain('kontak tidak diperlukan');
    expect(c.step).toBe('role');
    for (const text of ['1', 'Warung Sari', 'Sari']) await c.say(text);
    expect(c.step).toBe('phone');
    await c.say({ contact: { phone: '+6281234567890', name: 'Sari' } });
    expect(c.step).toBe('categories');
    expect(c.data.phone).toBe('+6281234567890');
  });

  it('reads a photo caption at the menu as the answer', async () => {
    const h = await flowHarness({ clock: testClock('10.00') });
    const c = await h.officer();
    await c.say('menu');
    await c.say({ media: { kind: 'photo', fileId: 'ph-1', caption: 'Buat kebutuhan baru' } });
    expect(c.flow).toBe('need_post');
    expect(c.last.text).toContain('keterangannya kami baca');
  });

  it('still says a photo cannot be read when it has no caption', async () => {
    const h = await flowHarness({ clock: testClock('10.00') });
    const c = await h.officer();
    await c.say('menu');
    await c.say({ media: { kind: 'photo', fileId: 'ph-2' } });
    expect(c.step).toBe('main');
    expect(c.last.text).toContain('foto belum bisa kami baca');
  });
});

describe('bantuan (issue 22 wording)', () => {
  it('explains the current step, the process in three lines, and how to reach the regency', async () => {
    const h = await flowHarness({ clock: testClock('10.00') });
    const c = await h.officer();
    for (const text of ['menu', '1', 'Semen', 'bahan bangunan', 'Semen', '50 sak', 'sudah'])
      await c.say(text);
    expect(c.step).toBe('hps');
    await c.say('bantuan');
    const text = c.last.text;
    expect(text).toContain('Cara kerjanya');
    expect(text.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(3);
    expect(text).toContain('Pengaduan');
    expect(text).toContain('HPS');
    expect(c.step).toBe('hps');
  });
});
