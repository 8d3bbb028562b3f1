import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Bound values per statement: under SQLite's variable limit and MySQL's packet size alike. Fewer, larger
 * statements are what make the seed fast — sql.js pays for every statement it parses.
 */
const VALUES_PER_STATEMENT = 30_000;

/**
 * The demo seed's only SQL: multi-row INSERTs of rows the seed builds in memory, with the ids it chose
 * (the seed runs on an empty database), inside the seed's one transaction.
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

  /** Skips ids that rows saved one by one (the demo users) already took. */
  reserve(table: string, upTo: number): void {
    this.nextIds.set(table, Math.max(this.nextIds.get(table) ?? 0, upTo));
  }

  async insert<T extends ObjectLiteral>(entity: EntityTarget<T>, rows: QueryDeepPartialEntity<T>[]): Promise<void> {
    if (!rows.length) return;
    const columns = this.manager.connection.getMetadata(entity).columns.length;
    const perStatement = Math.max(1, Math.floor(VALUES_PER_STATEMENT / columns));
    for (let i = 0; i < rows.length; i += perStatement) {
      await this.manager
        .createQueryBuilder()
        .insert()
        .into(entity)
        .values(rows.slice(i, i + perStatement))
        .updateEntity(false)
        .execute();
    }
  }

  /** Rows of a join table without an entity of its own (benefit ↔ station). */
  async insertJoin(table: string, rows: Record<string, number>[]): Promise<void> {
    if (!rows.length) return;
    await this.manager.createQueryBuilder().insert().into(table).values(rows).execute();
  }
}
