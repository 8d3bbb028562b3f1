import { Column, CreateDateColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

/**
 * Column types MySQL 8, MariaDB and SQLite all agree on. `datetime(6)` holds UTC instants (the
 * connection runs in UTC); json and uuid columns are avoided because MariaDB reports them differently
 * from MySQL and migrations would never settle (see TOOLCHAIN.md).
 */
export const DateTimeColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 6, ...options });
/** An instant read by plain SQL: mysql2 returns a Date (the connection is UTC), sql.js UTC text. */
export function instantOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value}Z`);
}

export const CreatedAtColumn = () => CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 });
export const UpdatedAtColumn = () => UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 });

/** A short list of codes stored comma-separated in a varchar (tags, amenities). */
export const CodeListColumn = (options: { name?: string; length?: number } = {}) =>
  Column({
    type: 'varchar',
    length: options.length ?? 255,
    name: options.name,
    default: '',
    transformer: {
      // TypeORM also runs these over defaults and already-transformed values, so accept both shapes.
      to: (value: string[] | string | undefined) => (Array.isArray(value) ? value.join(',') : (value ?? '')),
      from: (value: string | string[] | null) =>
        Array.isArray(value) ? value : value ? value.split(',') : [],
    },
  });
