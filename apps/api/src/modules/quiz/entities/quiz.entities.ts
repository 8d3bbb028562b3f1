import type { CampaignStatus, OptionKey, QuestionOption, QuestionType } from '@jingcai/shared';
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
import { CodeListColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';

/** JSON kept in a text column: MySQL 8 and MariaDB disagree on `json` columns (see TOOLCHAIN.md). */
export function jsonText<T>() {
  return {
    to: (value: T | null | undefined) =>
      value === undefined || value === null ? null : JSON.stringify(value),
    from: (value: string | T | null) => (typeof value === 'string' ? (JSON.parse(value) as T) : value),
  };
}

@Entity('quiz_banks')
export class QuestionBank {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 60 })
  name!: string;

  @Column({ name: 'owner_org_id', type: 'int' })
  ownerOrgId!: number;

  @ManyToOne(() => Org, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_id' })
  ownerOrg?: Relation<Org>;

  @CreatedAtColumn()
  createdAt!: Date;
}

@Entity('quiz_questions')
@Index('idx_quiz_questions_bank', ['bankId', 'type'])
export class Question {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'bank_id', type: 'int' })
  bankId!: number;

  @ManyToOne(() => QuestionBank, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'bank_id' })
  bank?: Relation<QuestionBank>;

  @Column({ type: 'varchar', length: 16 })
  type!: QuestionType;

  @Column({ type: 'text' })
  stem!: string;

  @Column({ type: 'text', transformer: jsonText<QuestionOption[]>() })
  options!: QuestionOption[];

  /** Correct keys concatenated in order, e.g. `AC`. */
  @Column({ type: 'varchar', length: 8 })
  answer!: string;

  @Column({ type: 'text' })
  explanation!: string;

  @CodeListColumn()
  tags!: string[];

  @Column({ type: 'int', default: 3 })
  difficulty!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}

export interface StoredDrawRule {
  bankId: number;
  type: QuestionType;
  count: number;
}

@Entity('quiz_campaigns')
export class Campaign {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 60 })
  title!: string;

  @Column({ name: 'cover_url', type: 'varchar', length: 255, nullable: true })
  coverUrl!: string | null;

  @Column({ type: 'text' })
  rules!: string;

  @DateTimeColumn({ name: 'starts_at' })
  startsAt!: Date;

  @DateTimeColumn({ name: 'ends_at' })
  endsAt!: Date;

  @Column({ name: 'audience_org_id', type: 'int', nullable: true })
  audienceOrgId!: number | null;

  @ManyToOne(() => Org, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'audience_org_id' })
  audienceOrg?: Relation<Org> | null;

  @Column({ name: 'members_only', type: 'boolean', default: false })
  membersOnly!: boolean;

  @Column({ type: 'text', transformer: jsonText<StoredDrawRule[]>() })
  draw!: StoredDrawRule[];

  @Column({ name: 'shuffle_options', type: 'boolean', default: true })
  shuffleOptions!: boolean;

  /** Null: no time limit (issue 20); an attempt then stays open until the campaign ends. */
  @Column({ name: 'seconds_per_attempt', type: 'int', nullable: true })
  secondsPerAttempt!: number | null;

  @Column({ name: 'attempts_per_day', type: 'int' })
  attemptsPerDay!: number;

  @Column({ name: 'pass_score', type: 'int' })
  passScore!: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: CampaignStatus;

  @Column({ name: 'owner_org_id', type: 'int' })
  ownerOrgId!: number;

  @ManyToOne(() => Org, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_id' })
  ownerOrg?: Relation<Org>;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

/** A drawn question and the order its options were shown in: `order[i]` is the original key shown as the i-th letter. */
export interface DrawnQuestion {
  id: number;
  order: OptionKey[];
}

@Entity('quiz_attempts')
@Index('idx_quiz_attempts_user_day', ['campaignId', 'userId', 'day'])
/** A worker's own attempts across campaigns, newest first (their history). */
@Index('idx_quiz_attempts_user', ['userId', 'id'])
export class Attempt {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'campaign_id', type: 'int' })
  campaignId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** `campaignId:userId` while open, NULL once submitted: one open attempt per person, on any instance. */
  @Index('uq_quiz_attempts_open', { unique: true })
  @Column({ name: 'open_key', type: 'varchar', length: 32, nullable: true })
  openKey!: string | null;

  @Column({ type: 'text', transformer: jsonText<DrawnQuestion[]>() })
  drawn!: DrawnQuestion[];

  /** The Asia/Shanghai day the attempt was started on, `YYYY-MM-DD`: what the daily limit counts. */
  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @DateTimeColumn({ name: 'started_at' })
  startedAt!: Date;

  @DateTimeColumn()
  deadline!: Date;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: 'open' | 'submitted';

  @DateTimeColumn({ name: 'submitted_at', nullable: true })
  submittedAt!: Date | null;

  /** The worker's choices in shown letters, by question id. */
  @Column({ type: 'text', nullable: true, transformer: jsonText<Record<string, OptionKey[]>>() })
  answers!: Record<string, OptionKey[]> | null;

  @Column({ type: 'int', nullable: true })
  score!: number | null;

  @Column({ name: 'correct_count', type: 'int', nullable: true })
  correctCount!: number | null;

  @Column({ name: 'duration_seconds', type: 'int', nullable: true })
  durationSeconds!: number | null;

  @Column({ type: 'boolean', default: false })
  late!: boolean;
}

/** A worker's best result in a campaign: what both leaderboards read. */
@Entity('quiz_participants')
@Index('idx_quiz_participants_rank', ['campaignId', 'bestScore', 'bestDuration', 'bestAt'])
/** The bests set since a moment: a leaderboard reload reads only those (QuizRankingsService). */
@Index('idx_quiz_participants_recent', ['campaignId', 'bestAt'])
export class Participant {
  @PrimaryColumn({ name: 'campaign_id', type: 'int' })
  campaignId!: number;

  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  /** The worker's org path when they first took part: org rankings roll up by prefix. */
  @Column({ name: 'org_path', type: 'varchar', length: 255, nullable: true })
  orgPath!: string | null;

  @Column({ name: 'best_score', type: 'int' })
  bestScore!: number;

  @Column({ name: 'best_duration', type: 'int' })
  bestDuration!: number;

  @DateTimeColumn({ name: 'best_at' })
  bestAt!: Date;
}

/** 错题本: a question the worker got wrong, until they answer it right in practice. */
@Entity('quiz_mistakes')
export class Mistake {
  @PrimaryColumn({ name: 'user_id', type: 'int' })
  userId!: number;

  @PrimaryColumn({ name: 'question_id', type: 'int' })
  questionId!: number;

  @Column({ name: 'campaign_id', type: 'int' })
  campaignId!: number;

  @Column({ name: 'wrong_count', type: 'int', default: 1 })
  wrongCount!: number;

  @DateTimeColumn({ name: 'last_wrong_at' })
  lastWrongAt!: Date;
}

@Entity('quiz_certificates')
@Index('uq_quiz_certificates_holder', ['campaignId', 'userId'], { unique: true })
@Index('idx_quiz_certificates_user', ['userId'])
export class Certificate {
  /** Unguessable: whoever holds it can verify the certificate. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  serial!: string;

  @Column({ name: 'campaign_id', type: 'int' })
  campaignId!: number;

  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ name: 'attempt_id', type: 'int' })
  attemptId!: number;

  @Column({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'int' })
  score!: number;

  @DateTimeColumn({ name: 'issued_at' })
  issuedAt!: Date;
}
