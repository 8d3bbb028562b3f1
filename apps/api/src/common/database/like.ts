/**
 * `LIKE` patterns with `!` as the escape character: a backslash escape means different things in
 * MySQL and SQLite string literals, `!` means the same in both. Use as `col LIKE :q ESCAPE '!'`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
