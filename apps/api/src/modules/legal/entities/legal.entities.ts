import type {
  AidKind,
  AidStatus,
  LegalCaseStatus,
  LegalCategory,
  LegalMessageAuthorRole,
  LegalQuestionStatus,
} from '@jingcai/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CodeListColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A worker's legal question. Its text lives in the thread (the first message is the question itself).
 * `orgPath` is the asker's org when they asked: staff whose subtree holds it may read and assign it.
 */
@Entity('legal_questions')
@Index('idx_legal_questions_asker', ['askerId', 'lastMessageAt'])
@Index('idx_legal_questions_assignee', ['assigneeId', 'status'])
@Index('idx_legal_questions_org', ['orgPath', 'lastMessageAt'])
@Index('idx_legal_questions_due', ['status', 'dueAt'])
@Index('idx_legal_questions_created', ['createdAt', 'orgPath'])
export class LegalQuestion {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'asker_id', type: 'int' })
  askerId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'asker_id' })
  asker?: Relation<User>;

  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @ManyToOne(() => Org, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'org_id' })
  org?: Relation<Org> | null;

  @Column({ name: 'org_path', type: 'varchar', length: 255, nullable: true })
  orgPath!: string | null;

  @Column({ type: 'varchar', length: 24 })
  category!: LegalCategory;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ name: 'public_allowed', type: 'boolean', default: false })
  publicAllowed!: boolean;

  @Column({ type: 'varchar', length: 16, default: 'new' })
  status!: LegalQuestionStatus;

  @Column({ name: 'assignee_id', type: 'int', nullable: true })
  assigneeId!: number | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<User> | null;

  /** Set while the asker waits for an answer: 3 working days after their last message. */
  @DateTimeColumn({ name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @DateTimeColumn({ name: 'last_message_at' })
  lastMessageAt!: Date;

  /** When the asker last opened the thread: answers after it are unread. */
  @DateTimeColumn({ name: 'asker_read_at', nullable: true })
  askerReadAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  rating!: number | null;

  @Column({ name: 'rating_comment', type: 'varchar', length: 500, nullable: true })
  ratingComment!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

@Entity('legal_messages')
@Index('idx_legal_messages_question', ['questionId', 'id'])
@Index('idx_legal_messages_answers', ['authorRole', 'createdAt', 'questionId'])
export class LegalMessage {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'question_id', type: 'int' })
  questionId!: number;

  @ManyToOne(() => LegalQuestion, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id' })
  question?: Relation<LegalQuestion>;

  @Column({ name: 'author_id', type: 'int' })
  authorId!: number;

  @Column({ name: 'author_role', type: 'varchar', length: 8 })
  authorRole!: LegalMessageAuthorRole;

  @Column({ type: 'text' })
  body!: string;

  @CodeListColumn({ name: 'photo_ids' })
  photoIds!: string[];

  @CreatedAtColumn()
  createdAt!: Date;
}

/** A typical case (典型案例), written by staff or drawn from a closed question and anonymised. */
@Entity('legal_cases')
@Index('idx_legal_cases_list', ['status', 'category', 'id'])
export class LegalCase {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'varchar', length: 100 })
  title!: string;

  @Column({ type: 'varchar', length: 24 })
  category!: LegalCategory;

  @Column({ type: 'text' })
  facts!: string;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ type: 'varchar', length: 500 })
  law!: string;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status!: LegalCaseStatus;

  @Column({ name: 'source_question_id', type: 'int', nullable: true })
  sourceQuestionId!: number | null;

  @Column({ name: 'owner_org_id', type: 'int' })
  ownerOrgId!: number;

  @ManyToOne(() => Org, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_org_id' })
  ownerOrg?: Relation<Org>;

  @Column({ name: 'created_by', type: 'int' })
  createdBy!: number;

  @DateTimeColumn({ name: 'published_at', nullable: true })
  publishedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

/** A legal-aid or mediation application (法律援助 / 调解), tracked by status. */
@Entity('legal_aid_applications')
@Index('idx_legal_aid_applicant', ['applicantId', 'id'])
@Index('idx_legal_aid_org', ['orgPath', 'status'])
export class AidApplication {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'applicant_id', type: 'int' })
  applicantId!: number;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id' })
  applicant?: Relation<User>;

  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @ManyToOne(() => Org, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'org_id' })
  org?: Relation<Org> | null;

  @Column({ name: 'org_path', type: 'varchar', length: 255, nullable: true })
  orgPath!: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind!: AidKind;

  @Column({ type: 'text' })
  facts!: string;

  @Column({ type: 'varchar', length: 100 })
  employer!: string;

  /** In fen (分): whole numbers, no floating point, the same on every database. */
  @Column({ name: 'amount_fen', type: 'int' })
  amountFen!: number;

  @CodeListColumn({ name: 'photo_ids' })
  photoIds!: string[];

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status!: AidStatus;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}

@Entity('legal_aid_steps')
@Index('idx_legal_aid_steps_application', ['applicationId', 'id'])
export class AidStep {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'application_id', type: 'int' })
  applicationId!: number;

  @ManyToOne(() => AidApplication, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id' })
  application?: Relation<AidApplication>;

  @Column({ type: 'varchar', length: 16 })
  status!: AidStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'actor_id', type: 'int' })
  actorId!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
