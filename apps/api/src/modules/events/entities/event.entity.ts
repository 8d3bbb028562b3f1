import type { Allocation, EventKind, UserTag, WorkerCategory } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  CodeListColumn,
  CreatedAtColumn,
  DateTimeColumn,
  UpdatedAtColumn,
} from '../../../common/database/columns';

/**
 * An event (活动) with its sign-up rules. No foreign keys: orgs and uploads are read through their features'
 * repositories, and the sign-up rush never share-locks this row.
 */
@Entity('events')
@Index('idx_events_listing', ['signupEndsAt', 'endsAt'])
@Index('idx_events_owner', ['ownerOrgId', 'id'])
@Index('idx_events_ended', ['endsAt'])
export class EventRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: EventKind;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'cover_id', type: 'varchar', length: 36, nullable: true })
  coverId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  venue!: string;

  @Column({
    type: 'decimal',
    precision: 9,
    scale: 6,
    transformer: { to: (v: number) => v, from: Number },
  })
  latitude!: number;

  @Column({
    type: 'decimal',
    precision: 9,
    scale: 6,
    transformer: { to: (v: number) => v, from: Number },
  })
  longitude!: number;

  @Column({ name: 'owner_org_id', type: 'int' })
  ownerOrgId!: number;

  @CodeListColumn({ name: 'eligible_categories' })
  eligibleCategories!: WorkerCategory[];

  @Column({ name: 'gig_verified_required', type: 'boolean', default: false })
  gigVerifiedRequired!: boolean;

  @CodeListColumn({ name: 'eligible_tags' })
  eligibleTags!: UserTag[];

  @Column({ name: 'members_only', type: 'boolean', default: false })
  membersOnly!: boolean;

  @Column({ name: 'audience_org_id', type: 'int', nullable: true })
  audienceOrgId!: number | null;

  @Column({ type: 'varchar', length: 16 })
  allocation!: Allocation;

  @DateTimeColumn({ name: 'signup_starts_at' })
  signupStartsAt!: Date;

  @DateTimeColumn({ name: 'signup_ends_at' })
  signupEndsAt!: Date;

  @DateTimeColumn({ name: 'cancel_deadline' })
  cancelDeadline!: Date;

  @Column({ name: 'per_person_limit', type: 'int', default: 1 })
  perPersonLimit!: number;

  @Column({ name: 'no_show_rule', type: 'boolean', default: false })
  noShowRule!: boolean;

  @Column({ name: 'offer_hours', type: 'int', default: 24 })
  offerHours!: number;

  /** The staff-chosen form (FormField[]) as JSON text: both servers agree on text, not on json. */
  @Column({ name: 'form_json', type: 'text' })
  formJson!: string;

  /** First session's start and last session's end, kept for listing and the sweeps' indexed reads. */
  @DateTimeColumn({ name: 'starts_at' })
  startsAt!: Date;

  @DateTimeColumn({ name: 'ends_at' })
  endsAt!: Date;

  /** Lottery events: 64 hex, fixed at creation and never changed (no route writes it). */
  @Column({ name: 'lottery_seed', type: 'varchar', length: 64, nullable: true })
  lotterySeed!: string | null;

  @DateTimeColumn({ name: 'lottery_drawn_at', nullable: true })
  lotteryDrawnAt!: Date | null;

  /** Set once the children's data of its sign-ups were erased (30 days after the event). */
  @DateTimeColumn({ name: 'child_data_erased_at', nullable: true })
  childDataErasedAt!: Date | null;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
