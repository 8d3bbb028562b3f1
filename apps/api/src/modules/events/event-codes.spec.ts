import { VENUE_CODE_WINDOW_SECONDS, venueCodeWindow } from '@jingcai/shared';
import { isVenueCodeCurrent, newSecret, venueCodeAt } from './event-codes';

describe('venue codes', () => {
  const secret = newSecret();
  const at = Date.UTC(2026, 6, 1, 8, 0, 10);
  const window = venueCodeWindow(at);

  it('are 6 digits that change every 30 s and differ between sessions', () => {
    expect(venueCodeAt(secret, window)).toMatch(/^\d{6}$/);
    const codes = new Set(Array.from({ length: 50 }, (_, i) => venueCodeAt(secret, window + i)));
    expect(codes.size).toBeGreaterThan(45);
    expect(venueCodeAt(newSecret(), window)).not.toBe(venueCodeAt(secret, window));
  });

  it('accept the current window and the one before (time to scan), nothing older or newer', () => {
    expect(isVenueCodeCurrent(secret, venueCodeAt(secret, window), at)).toBe(true);
    expect(isVenueCodeCurrent(secret, venueCodeAt(secret, window - 1), at)).toBe(true);
    expect(isVenueCodeCurrent(secret, venueCodeAt(secret, window - 2), at)).toBe(false);
    expect(isVenueCodeCurrent(secret, venueCodeAt(secret, window + 1), at)).toBe(false);
    const later = at + 2 * VENUE_CODE_WINDOW_SECONDS * 1000;
    expect(isVenueCodeCurrent(secret, venueCodeAt(secret, window), later)).toBe(false);
  });
});
