import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Bound values per statement: under SQLite's variable limit and MySQL's placeholder limit alike. Fewer,
 * larger statements are what make the seed fast — sql.js pays for every statement it parses.
 */
const VALUES_PER_STATEMENT = 30_000;

/**
 * The demo seed's only SQL: multi-row INSERTs of rows the seed builds in memory, with ids it hands out
 * itself (after the highest already taken, so rows can refer to each other before they are written), inside
 * the seed's one transaction. Values go through the driver's
 * own conversion (column transformers, dates, booleans) as TypeORM's would; the statement is built here
 * because TypeORM's insert builder spent seconds per ten thousand rows.
 */
export class SeedWriter {
  private constructor(
    private readonly manager: EntityManager,
    private readonly lastIds: Map<string, number>,
  ) {}

  /** A writer that knows each table's highest id so far. */
  static async open(manager: EntityManager): Promise<SeedWriter> {
    const lastIds = new Map<string, number>();
    for (const metadata of manager.connection.entityMetadatas) {
      const [key] = metadata.primaryColumns;
      if (metadata.primaryColumns.length !== 1 || key.generationStrategy !== 'increment') continue;
      const [row] = await manager.query<{ last: number | string | null }[]>(
        `SELECT MAX(${manager.connection.driver.escape(key.databaseName)}) AS last FROM ${manager.connection.driver.escape(metadata.tableName)}`,
      );
      lastIds.set(metadata.tableName, Number(row?.last ?? 0));
    }
    return new SeedWriter(manager, lastIds);
  }

  /** The next id of `table`, in order. */
  id(table: string): number {
    if (!this.lastIds.has(table)) throw new Error(`no generated ids in ${table}`);
    const id = this.lastIds.get(table)! + 1;
    this.lastIds.set(table, id);
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
