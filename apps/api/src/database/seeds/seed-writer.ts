import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Bound values per statement: under SQLite's variable limit and MySQL's placeholder limit alike. Fewer,
 * larger statements are what make the seed fast — sql.js pays for every statement it parses.
 */
const VALUES_PER_STATEMENT = 30_000;

/**
 * The demo seed's only SQL: multi-row INSERTs of rows the seed builds in memory, with the ids it chose
 * (the seed runs on an empty database), inside the seed's one transaction. Values go through the driver's
 * own conversion (column transformers, dates, booleans) as TypeORM's would; the statement is built here
 * because TypeORM's insert builder spent seconds per ten thousand rows.
 */
export class SeedWriter {
  private nextIds = new Map<string, number>();

  constructor(private readonly manager: EntityManager) {}

  /** Ids handed out in order, from 1 up, per table: rows refer to each other before they are written. */
  id(table: string): number {
    const id = (this.nextIds.get(table) ?? 0) + 1;
    this.nextIds.set(table, id);
    return id;
  }

  /** Rows of one shape (the same properties set in each), written in as few statements as the limits allow. */
  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Partial<T>[]): Promise<void> {
    if (!rows.length) return;
    const { driver } = this.manager.connection;
    const metadata = this.manager.connection.getMetadata(entity);
    const keys = Object.keys(rows[0]).filter((key) => rows[0][key] !== undefined);
    const columns = keys.map((key) => {
      const column = metadata.findColumnWithPropertyName(key);
      if (!column) throw new Error(`${metadata.name} has no column ${key}`);
      return column;
    });
    const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns.length));
    const head = `INSERT INTO ${driver.escape(metadata.tableName)} (${columns.map((c) => driver.escape(c.databaseName)).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      for (const row of chunk) {
        if (Object.keys(row).filter((key) => row[key] !== undefined).length !== keys.length) {
          throw new Error(`${metadata.name} rows differ in shape`);
        }
        for (const column of columns) params.push(driver.preparePersistentValue(row[column.propertyName], column));
      }
      await this.manager.query(head + chunk.map(() => tuple).join(', '), params);
    }
  }

  /** Rows of a join table without an entity of its own (benefit ↔ station). */
  async insertJoin(table: string, rows: Record<string, number>[]): Promise<void> {
    if (!rows.length) return;
    const { driver } = this.manager.connection;
    const keys = Object.keys(rows[0]);
    const tuple = `(${keys.map(() => '?').join(', ')})`;
    await this.manager.query(
      `INSERT INTO ${driver.escape(table)} (${keys.map((k) => driver.escape(k)).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
      rows.flatMap((row) => keys.map((k) => row[k])),
    );
  }
}
