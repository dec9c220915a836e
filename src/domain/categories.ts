/**
 * The starting taxonomy of what villages buy (seeded once; a regency's admin may add or retire
 * categories). Codes are stable identifiers; names are data in the database, shown as stored.
 */
export interface CategorySeed {
  code: string;
  name_id: string;
  name_en: string;
}

export const CATEGORY_TAXONOMY: readonly CategorySeed[] = [
  { code: 'bahan_bangunan', name_id: 'Bahan bangunan', name_en: 'Building materials' },
  { code: 'atk', name_id: 'Alat tulis kantor (ATK)', name_en: 'Office supplies' },
  { code: 'konsumsi', name_id: 'Konsumsi & catering', name_en: 'Food & catering' },
  { code: 'elektronik', name_id: 'Elektronik & komputer', name_en: 'Electronics & computers' },
  { code: 'alat_pertanian', name_id: 'Alat & sarana pertanian', name_en: 'Farm tools & inputs' },
  { code: 'sewa_kendaraan', name_id: 'Sewa kendaraan & alat berat', name_en: 'Vehicle & equipment rental' },
  { code: 'jasa_angkut', name_id: 'Jasa angkut', name_en: 'Haulage' },
  { code: 'jasa_konstruksi', name_id: 'Jasa konstruksi kecil', name_en: 'Small construction works' },
  { code: 'furnitur', name_id: 'Mebel & perlengkapan kantor', name_en: 'Furniture & office equipment' },
  { code: 'kesehatan', name_id: 'Obat & alat kesehatan (posyandu)', name_en: 'Health supplies (posyandu)' },
  { code: 'pakaian', name_id: 'Pakaian & seragam', name_en: 'Clothing & uniforms' },
  { code: 'percetakan', name_id: 'Percetakan, spanduk & fotokopi', name_en: 'Printing, banners & copying' },
  { code: 'kebersihan', name_id: 'Alat & bahan kebersihan', name_en: 'Cleaning tools & supplies' },
  { code: 'listrik_air', name_id: 'Instalasi listrik & air', name_en: 'Electrical & plumbing' },
  { code: 'bengkel', name_id: 'Bengkel & suku cadang', name_en: 'Repairs & spare parts' },
  { code: 'peternakan_perikanan', name_id: 'Bibit, pakan ternak & ikan', name_en: 'Livestock & fish inputs' },
  { code: 'olahraga_seni', name_id: 'Alat olahraga & kesenian', name_en: 'Sports & arts equipment' },
  { code: 'sound_tenda', name_id: 'Sewa tenda & sound system', name_en: 'Tent & sound system rental' },
  { code: 'jasa_lainnya', name_id: 'Jasa lainnya', name_en: 'Other services' },
  { code: 'barang_lainnya', name_id: 'Barang lainnya', name_en: 'Other goods' },
];
