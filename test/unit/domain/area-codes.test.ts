import { describe, expect, it } from 'vitest';
import { districtOf, regencyOf } from '../../../src/domain/area-codes.js';

describe('official area codes', () => {
  it.each([
    ['a desa', '32.14.11.2002', '32.14', '32.14.11'],
    ['a kelurahan', '32.14.01.1001', '32.14', '32.14.01'],
    ['a kecamatan', '32.14.11', '32.14', '32.14.11'],
    ['a regency', '32.14', '32.14', '32.14'],
  ])('%s (%s) lies in regency %s, kecamatan %s', (_, code, regency, district) => {
    expect(regencyOf(code)).toBe(regency);
    expect(districtOf(code)).toBe(district);
  });
});
