import { describe, expect, it } from 'vitest';
import { flowHarness } from '../../support/flow-harness.js';

// The registration dialogues in memory: the real flows and Turn, an in-memory store.

describe('vendor registration (in memory)', () => {
  it('goes from first contact to the menu, and saves what was typed', async () => {
    const h = await flowHarness();
    const c = h.chat();
    await c.say('halo');
    expect(c.last.text).toContain('Selamat datang');
    expect(c.last.options).toEqual(['Penyedia / pemilik usaha', 'Perangkat desa']);
    await c.say('1');
    expect(c.last.text).toContain('nama usaha');
    await c.say('Toko Bangunan Maju Jaya');
    await c.say('Budi Santoso');
    expect(c.last.text).toContain('nomor HP');
    await c.say('0812-3456-7890');
    expect(c.last.options).toContain('Bahan bangunan');
    await c.say('1, 3');
    expect(c.last.options).toHaveLength(17);
    await c.say('bojong');
    expect(c.last.options).toContain('Bojong Timur');
    await c.say('bojong timur');
    expect(c.last.text).toContain('NIB');
    await c.say('lewati');
    expect(c.last.text).toContain('Toko Bangunan Maju Jaya');
    expect(c.last.text).toContain('Bahan bangunan, Konsumsi & catering');
    expect(c.last.text).toContain('+62 812****890');
    await c.say('ya');
    expect(c.last.text).toContain('sudah terdaftar');
    const [vendor] = h.world.vendors.values();
    expect(vendor).toMatchObject({
      businessName: 'Toko Bangunan Maju Jaya',
      ownerName: 'Budi Santoso',
      phone: '+6281234567890',
      categoryIds: [1, 3],
      nib: null,
    });
    expect(h.world.audit.map((a) => a.action)).toEqual(['vendor.registered']);
    expect(c.flow).toBe('menu');
  });

  it('refuses a phone number kindly and keeps the answers given', async () => {
    const h = await flowHarness();
    const c = h.chat();
    for (const text of ['halo', '1', 'Warung Sari', 'Sari']) await c.say(text);
    await c.say('12ab');
    expect(c.step).toBe('phone');
    expect(c.data).toMatchObject({ businessName: 'Warung Sari', ownerName: 'Sari' });
    expect(c.last.text.length).toBeGreaterThan(20);
  });

  it('changes one answer from the summary and comes back to it', async () => {
    const h = await flowHarness();
    const c = h.chat();
    for (const text of [
      'halo',
      '1',
      'Toko Lama',
      'Budi',
      '081234567890',
      '1',
      'bojong',
      'bojong timur',
      'lewati',
    ])
      await c.say(text);
    expect(c.step).toBe('confirm');
    await c.say('tidak');
    expect(c.step).toBe('edit');
    await c.say('1');
    await c.say('Toko Baru');
    expect(c.step).toBe('confirm');
    expect(c.last.text).toContain('Toko Baru');
  });
});

describe('officer registration (in memory)', () => {
  it('is verified at once with an invite code of the desa', async () => {
    const h = await flowHarness();
    const desa = h.firstDesa();
    h.invite(desa.code, 'KODE-77');
    const c = h.chat();
    await c.say('halo');
    await c.say('2');
    await c.say('Siti Aminah');
    const district = (h.world.districts.get('32.14') ?? [])[0];
    await c.say(district?.name ?? '');
    await c.say(desa.name);
    expect(c.step).toBe('position');
    await c.say('tpk');
    await c.say('kode-77');
    expect(c.step).toBe('confirm');
    await c.say('ya');
    const [officer] = h.world.officers.values();
    expect(officer).toMatchObject({ fullName: 'Siti Aminah', position: 'tpk', verification: 'verified' });
    expect(h.world.invites[0]?.usedAt).not.toBeNull();
  });

  it('says an invite code of another desa is not for this one', async () => {
    const h = await flowHarness();
    const desa = h.firstDesa();
    h.invite('32.14.99.2001', 'KODE-88');
    const c = h.chat();
    for (const text of ['halo', '2', 'Siti']) await c.say(text);
    await c.say((h.world.districts.get('32.14') ?? [])[0]?.name ?? '');
    await c.say(desa.name);
    await c.say('tpk');
    await c.say('KODE-88');
    expect(c.step).toBe('invite');
  });
});

describe('a stored conversation a new release cannot read', () => {
  it('starts again from the menu with one kind sentence', async () => {
    const h = await flowHarness();
    const c = await h.officer();
    c.enter('need_post', 'hps', { hps: 'dua puluh juta' });
    await c.say('25 juta');
    expect(c.flow).toBe('menu');
    expect(c.last.text).toContain('tidak bisa dilanjutkan');
  });

  it('does the same for a step that no longer exists', async () => {
    const h = await flowHarness();
    const c = await h.officer();
    c.enter('need_post', 'pick_again', {});
    await c.say('1');
    expect(c.flow).toBe('menu');
    expect(c.last.text).toContain('tidak bisa dilanjutkan');
  });
});
