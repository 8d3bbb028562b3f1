/** class-transformer `@Transform` helpers shared by every DTO. */

/** Leading and trailing spaces never carry meaning in a name, a title or a note. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** `?flag=true|false` as a boolean; anything else is left for `@IsBoolean()` to refuse. */
export const booleanQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;
