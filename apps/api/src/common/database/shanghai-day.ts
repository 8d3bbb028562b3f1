import type { DataSource } from 'typeorm';
import { isMysql } from './hot-query';

/**
 * SQL for the Asia/Shanghai day (`YYYY-MM-DD`) of a UTC `datetime` column, for grouping by day in the
 * database. Shanghai has had no daylight saving since 1991, so the day is the UTC instant plus 8 hours on
 * both MySQL/MariaDB and the SQLite demo (whose datetimes are UTC text).
 */
export function shanghaiDaySql(dataSource: DataSource, column: string): string {
  return isMysql(dataSource)
    ? `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`
    : `strftime('%Y-%m-%d', ${column}, '+8 hours')`;
}

