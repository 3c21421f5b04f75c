import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone';

describe('Chinese phone numbers', () => {
  it.each([
    // Mobile numbers, however typed.
    ['13812345678', '+8613812345678', 'mobile'],
    ['138 1234 5678', '+8613812345678', 'mobile'],
    ['138-1234-5678', '+8613812345678', 'mobile'],
    ['+86 138 1234 5678', '+8613812345678', 'mobile'],
    ['+86-13812345678', '+8613812345678', 'mobile'],
    ['008613812345678', '+8613812345678', 'mobile'],
    ['8613812345678', '+8613812345678', 'mobile'],
    ['１３８１２３４５６７８', '+8613812345678', 'mobile'],
    // Landlines with their area code: two digits (Beijing, 02x) or three after the 0.
    ['010-62345678', '+86-10-62345678', 'landline'],
    ['021-5555 0101', '+86-21-55550101', 'landline'],
    ['(021) 5555-0101', '+86-21-55550101', 'landline'],
    ['+86 21 5555 0101', '+86-21-55550101', 'landline'],
    ['+86-21-55550101', '+86-21-55550101', 'landline'],
    ['0755-88888888', '+86-755-88888888', 'landline'],
    ['0771-2345678', '+86-771-2345678', 'landline'],
    // Extensions: 转, 分机, ext, x, #, or a last group after the whole number.
    ['0755-8888 8888 转 801', '+86-755-88888888 ext 801', 'landline'],
    ['021-55550101分机8001', '+86-21-55550101 ext 8001', 'landline'],
    ['(0755)8888 8888 ext. 12', '+86-755-88888888 ext 12', 'landline'],
    ['021-55550101 x 801', '+86-21-55550101 ext 801', 'landline'],
    ['021-55550101#801', '+86-21-55550101 ext 801', 'landline'],
    ['021-5555-0101-8001', '+86-21-55550101 ext 8001', 'landline'],
    // Service numbers.
    ['400-820-8820', '400-820-8820', 'service'],
    ['4008208820', '400-820-8820', 'service'],
    ['４００－８２０－８８２０', '400-820-8820', 'service'],
    ['800 810 1234 转 2', '800-810-1234 ext 2', 'service'],
    ['95588', '95588', 'service'],
    // Abroad.
    ['+1 415 555 2671', '+14155552671', 'international'],
    ['+852 2345 6789', '+85223456789', 'international'],
  ])('%s → %s', (typed, phone, kind) => {
    expect(normalizePhone(typed)).toEqual({ ok: true, phone, kind });
  });

  it.each([
    ['55550101', 'phoneAreaCode'],
    ['+86 5555 0101', 'phoneAreaCode'],
    ['12345678901', 'phone'],
    ['2155550101', 'phone'],
    ['5555 0101', 'phoneAreaCode'],
    ['call me', 'phone'],
    ['1381234567', 'phone'],
    ['138123456789', 'phone'],
    ['12812345678', 'phone'],
    ['021-1555010', 'phone'],
    ['021-555501011234567', 'phone'],
    ['+', 'phone'],
    ['', 'phone'],
  ])('refuses %s (%s)', (typed, reason) => {
    expect(normalizePhone(typed)).toEqual({ ok: false, reason });
  });

  it('gives the same text for the same number typed two ways (what duplicate checks compare)', () => {
    const a = normalizePhone('+86 (21) 5555-0101');
    const b = normalizePhone('021 55550101');
    expect(a.ok && b.ok && a.phone === b.phone).toBe(true);
  });
});
