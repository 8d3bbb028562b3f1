import type { SignupStatus } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../../common/database/columns';

/** Between the INSERT and taking a place (first come): milliseconds; nobody ever sees it. */
export const PENDING = 'pending';
export type StoredSignupStatus = SignupStatus | typeof PENDING;

/** One worker's sign-up for one session: their ticket. */
@Entity('event_signups')
@Index('idx_event_signups_user', ['userId', 'id'])
@Index('idx_event_signups_session', ['sessionId', 'status', 'drawRank'])
@Index('idx_event_signups_event', ['eventId', 'status'])
@Index('idx_event_signups_offers', ['status', 'offerExpiresAt'])
@Index('uq_event_signups_public_no', ['eventId', 'publicNo'], { unique: true })
export class EventSignup {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'event_id', type: 'int' })
  eventId!: number;

  @Column({ name: 'session_id', type: 'int' })
  sessionId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** Random, public: what the published draw lists instead of a name. */
  @Column({ name: 'public_no', type: 'varchar', length: 8 })
  publicNo!: string;

  /** Random, secret to the worker: the ticket QR staff scan. */
  @Index('uq_event_signups_ticket', { unique: true })
  @Column({ name: 'ticket_code', type: 'varchar', length: 10 })
  ticketCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: StoredSignupStatus;

  /**
   * `sessionId:userId` while the sign-up holds or waits for a place, NULL once it ended: its unique index makes
   * a double tap or a retry on any instance land on the same sign-up.
   */
  @Index('uq_event_signups_active', { unique: true })
  @Column({ name: 'active_key', type: 'varchar', length: 32, nullable: true })
  activeKey!: string | null;

  /** The form answers (SignupAnswer[]) as JSON text. */
  @Column({ name: 'answers_json', type: 'text' })
  answersJson!: string;

  /** Children's events: PII-cipher ciphertext; NULL for other events and once erased. */
  @Column({
    name: 'child_name_cipher',
    type: 'varchar',
    length: 255,
    nullable: true,
  })
  childNameCipher!: string | null;

  @Column({
    name: 'child_age_cipher',
    type: 'varchar',
    length: 255,
    nullable: true,
  })
  childAgeCipher!: string | null;

  @Column({
    name: 'child_guardian_cipher',
    type: 'varchar',
    length: 255,
    nullable: true,
  })
  childGuardianCipher!: string | null;

  /** Lottery: 0-based place in the session's draw order; NULL until drawn (and for first come). */
  @Column({ name: 'draw_rank', type: 'int', nullable: true })
  drawRank!: number | null;

  /** Lottery: the no-show rule put this entry after the others. */
  @Column({ type: 'boolean', default: false })
  deprioritised!: boolean;

  @DateTimeColumn({ name: 'offer_expires_at', nullable: true })
  offerExpiresAt!: Date | null;

  @DateTimeColumn({ name: 'checked_in_at', nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'checked_in_by', type: 'int', nullable: true })
  checkedInBy!: number | null;

  @Column({
    name: 'checkin_method',
    type: 'varchar',
    length: 16,
    nullable: true,
  })
  checkinMethod!: 'ticket' | 'venue_code' | null;

  @DateTimeColumn({ name: 'reminded_at', nullable: true })
  remindedAt!: Date | null;

  @DateTimeColumn({ name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
