import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One rate-limit counter shared by every API instance: hits of `bucket` in the window starting at `windowStart`. */
@Entity('rate_limit_windows')
export class RateLimitWindow {
  @PrimaryColumn({ type: 'varchar', length: 191 })
  bucket!: string;

  /** Epoch milliseconds. */
  @Column({ name: 'window_start', type: 'bigint' })
  windowStart!: string;

  @Column({ type: 'int' })
  hits!: number;
}
