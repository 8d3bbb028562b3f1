import type { CheckinResultView } from '@jingcai/shared';

/**
 * The check-in just made, handed from the form to the season home it returns to, so the home can say
 * that a note still waits for review. The home reloads its figures from the API anyway.
 */
let handedOver: CheckinResultView | null = null;

export function handOverCheckin(result: CheckinResultView): void {
  handedOver = result;
}

/** The check-in handed over since the last call, once. */
export function takeHandedOverCheckin(): CheckinResultView | null {
  const result = handedOver;
  handedOver = null;
  return result;
}
