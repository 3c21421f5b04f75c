import { describe, expect, it } from 'vitest';
import { dayKey, zoneOffsets } from './time';

const HOUR = 3_600_000;

describe('zoneOffsets', () => {
  it('gives the offset of any instant, in any order, also on the days clocks change', () => {
    const ny = zoneOffsets('America/New_York');
    // 2026-03-08 07:00 UTC New York springs forward; 2026-11-01 06:00 UTC it falls back.
    const instants = [
      Date.UTC(2026, 2, 8, 6, 59),
      Date.UTC(2026, 2, 8, 7, 0),
      Date.UTC(2026, 10, 1, 5, 59),
      Date.UTC(2026, 10, 1, 6, 0),
      Date.UTC(2026, 6, 1, 12),
      Date.UTC(2026, 2, 8, 0, 0),
      Date.UTC(2026, 2, 8, 23, 59),
    ];
    expect(instants.map(ny).map((ms) => ms / HOUR)).toEqual([-5, -4, -4, -5, -4, -5, -4]);
    // A half-hour zone, and the same instants asked again (cached) give the same answers.
    const adelaide = zoneOffsets('Australia/Adelaide');
    expect(adelaide(Date.UTC(2026, 0, 15))).toBe(10.5 * HOUR);
    expect(adelaide(Date.UTC(2026, 6, 15))).toBe(9.5 * HOUR);
    expect(instants.map(ny).map((ms) => ms / HOUR)).toEqual([-5, -4, -4, -5, -4, -5, -4]);
  });

  it('agrees with dayKey on the local day of random instants over six years', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe']) {
      const offsetAt = zoneOffsets(zone);
      let seed = 7;
      for (let i = 0; i < 2000; i++) {
        seed = (seed * 48271) % 2147483647;
        const at = Date.UTC(2020, 0, 1) + (seed % (6 * 365 * 24 * 60)) * 60_000;
        const local = new Date(at + offsetAt(at)).toISOString().slice(0, 10).replaceAll('-', '');
        expect(local, `${zone} ${new Date(at).toISOString()}`).toBe(dayKey(at, zone));
      }
    }
  });
});
