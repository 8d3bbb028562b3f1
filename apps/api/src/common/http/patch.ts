/**
 * Options for `PartialType` on PATCH bodies: a field may be left out, but sending `null` is validated
 * like any other value. (By default a partial field skips validation for null too, and the null then
 * reached a NOT NULL column: a 500 that tests/security's bad-input suite found.)
 */
export const PATCH = { skipNullProperties: false } as const;
