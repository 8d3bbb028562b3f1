import { ValidateIf } from 'class-validator';

/**
 * Options for `PartialType` on PATCH bodies: a field may be left out, but sending `null` is validated
 * like any other value. (By default a partial field skips validation for null too, and the null then
 * reached a NOT NULL column: a 500 that tests/security's bad-input suite found.)
 */
export const PATCH = { skipNullProperties: false } as const;

/**
 * For an optional field that has no meaning as null: it may be left out, but `null` is validated (and
 * refused) like any other value. `@IsOptional()` lets null through to the service.
 */
export const Omittable = () => ValidateIf((_, value) => value !== undefined);
