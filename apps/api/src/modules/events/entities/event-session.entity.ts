import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../common/database/columns';

/** A session or time slot of an event, with its own capacity. */
@Entity('event_sessions')
@Index('idx_event_sessions_event', ['eventId', 'startsAt'])
@Index('idx_event_sessions_starts', ['startsAt'])
export class EventSession {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'event_id', type: 'int' })
  eventId!: number;

  @Column({ type: 'varchar', length: 40 })
  label!: string;

  @DateTimeColumn({ name: 'starts_at' })
  startsAt!: Date;

  @DateTimeColumn({ name: 'ends_at' })
  endsAt!: Date;

  @Column({ type: 'int' })
  capacity!: number;

  /**
   * Places not given. Only conditional UPDATEs change it (`remaining > 0` to take one, `+ 1` when one is
   * given back), which is what keeps a rush on several instances from giving a place twice or beyond capacity.
   */
  @Column({ type: 'int' })
  remaining!: number;

  /** Key of the rotating venue code (HMAC per 30 s window); never leaves the API. */
  @Column({ name: 'venue_secret', type: 'varchar', length: 64 })
  venueSecret!: string;
}
