/**
 * Official area codes (Kemendagri, as shipped by idn-area-data) nest by prefix: province `32`,
 * regency `32.14`, kecamatan `32.14.11`, desa `32.14.11.2002`. Reading a code's parent is the only
 * arithmetic on them, and it lives here.
 */

/** The regency (`32.14`) of any code at or below it. */
export const regencyOf = (code: string): string => code.split('.').slice(0, 2).join('.');

/** The kecamatan (`32.14.11`) of a desa or kelurahan code. */
export const districtOf = (code: string): string => code.split('.').slice(0, 3).join('.');
