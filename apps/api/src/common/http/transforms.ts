/** class-transformer `@Transform` helpers shared by every DTO. */

/** Leading and trailing spaces never carry meaning in a name, a title or a note. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
