import type { CheckinStatus, SeasonStatus } from '@jingcai/shared';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CodeListColumn, CreatedAtColumn, UpdatedAtColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';

/** A calendar day `YYYY-MM-DD` (Asia/Shanghai): compared as text, which sorts like the calendar. */
const DayColumn = (name: string) => Column({ name, type: 'varchar', length: 10 });

@Entity('reading_seasons')
@Index('idx_reading_seasons_open', ['status', 'startsOn'])
export class ReadingSeason {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 60 })
  theme!: string;

  @Column({ type: 'text' })
  description!: string;

  @DayColumn('starts_on')
  startsOn!: string;

  @DayColumn('ends_on')
  endsOn!: string;

  @Column({ name: 'min_note_length', type: 'int' })
  minNoteLength!: number;

  @Column({ name: 'make_up_allowance', type: 'int' })
  makeUpAllowance!: number;

  /** Ascending day counts, e.g. 7,21,50. */
  @Column({
    name: 'badge_thresholds',
    type: 'varchar',
    length: 64,
    transformer: {
      to: (value: number[] | string) => (Array.isArray(value) ? value.join(',') : value),
      from: (value: string | number[]) =>
        Array.isArray(value) ? value : value ? value.split(',').map(Number) : [],
    },
  })
  badgeThresholds!: number[];

  @Column({ name: 'audience_org_id', type: 'int', nullable: true })
  audienceOrgId!: number | null;

  @ManyToOne(() => Org, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'audience_org_id' })
  audienceOrg?: Relation<Org> | null;

  @Column({ name: 'owner_org_id', type: 'int' })
  ownerOrgId!: number;

  @ManyToOne(() => Org, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_id' })
  ownerOrg?: Relation<Org>;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: SeasonStatus;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

@Entity('reading_books')
@Index('idx_reading_books_season', ['seasonId', 'position'])
export class ReadingBook {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'season_id', type: 'int' })
  seasonId!: number;

  @ManyToOne(() => ReadingSeason, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'season_id' })
  season?: Relation<ReadingSeason>;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 60 })
  author!: string;

  @Column({ name: 'cover_url', type: 'varchar', length: 500, nullable: true })
  coverUrl!: string | null;

  @Column({ type: 'text' })
  blurb!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;
}

/**
 * One worker's check-in (打卡) for one day of a season. The unique day key is what makes "one per day"
 * hold under concurrent taps; the unique note hash is what refuses the same note twice.
 */
@Entity('reading_checkins')
@Index('uq_reading_checkins_day', ['seasonId', 'userId', 'day'], { unique: true })
@Index('uq_reading_checkins_note', ['seasonId', 'userId', 'noteHash'], { unique: true })
@Index('idx_reading_checkins_feed', ['seasonId', 'status', 'id'])
export class ReadingCheckin {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'season_id', type: 'int' })
  seasonId!: number;

  @ManyToOne(() => ReadingSeason, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'season_id' })
  season?: Relation<ReadingSeason>;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @DayColumn('day')
  day!: string;

  @Column({ name: 'book_id', type: 'int' })
  bookId!: number;

  @ManyToOne(() => ReadingBook, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'book_id' })
  book?: Relation<ReadingBook>;

  @Column({ type: 'int' })
  minutes!: number;

  @Column({ type: 'text' })
  note!: string;

  /** sha256 of the note with whitespace removed: "the same text" as a person would judge it. */
  @Column({ name: 'note_hash', type: 'varchar', length: 64 })
  noteHash!: string;

  @CodeListColumn({ name: 'photo_ids' })
  photoIds!: string[];

  @Column({ name: 'make_up', type: 'boolean', default: false })
  makeUp!: boolean;

  @Column({ type: 'varchar', length: 16 })
  status!: CheckinStatus;

  @Column({ name: 'hidden_reason', type: 'varchar', length: 200, nullable: true })
  hiddenReason!: string | null;

  @Column({ name: 'like_count', type: 'int', default: 0 })
  likeCount!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}

@Entity('reading_likes')
export class ReadingLike {
  @PrimaryColumn({ name: 'checkin_id', type: 'int' })
  checkinId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @ManyToOne(() => ReadingCheckin, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'checkin_id' })
  checkin?: Relation<ReadingCheckin>;

  @CreatedAtColumn()
  createdAt!: Date;
}

/**
 * A worker's standing in a season, rewritten on every check-in from their days: `me` is one primary-key
 * read and the leaderboard one index range, however many check-ins there are.
 */
@Entity('reading_participants')
@Index('idx_reading_participants_rank', ['seasonId', 'days', 'longestStreak', 'userId'])
export class ReadingParticipant {
  @PrimaryColumn({ name: 'season_id', type: 'int' })
  seasonId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'int', default: 0 })
  days!: number;

  @Column({ name: 'longest_streak', type: 'int', default: 0 })
  longestStreak!: number;

  /** The run of consecutive days ending on `lastDay`: the current streak while lastDay is today or yesterday. */
  @Column({ name: 'last_run', type: 'int', default: 0 })
  lastRun!: number;

  @Column({ name: 'last_day', type: 'varchar', length: 10, nullable: true })
  lastDay!: string | null;

  @Column({ type: 'int', default: 0 })
  minutes!: number;

  @Column({ name: 'make_ups_used', type: 'int', default: 0 })
  makeUpsUsed!: number;

  /** The worker's org path when they last checked in: org rankings roll up by prefix. */
  @Column({ name: 'org_path', type: 'varchar', length: 255, nullable: true })
  orgPath!: string | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
