import type { AssistanceGrantKind, AssistanceKind, AssistanceStatus, ReviewStep } from '@jingcai/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../common/database/columns';

/**
 * A hardship application (帮扶申请). Everything the family told the union — situation, income, reasons, the
 * documents' upload ids — and the home visit's notes and photos are stored only as PII ciphertext
 * (`*_cipher`); the plain columns are what routing, scope and the yearly figures need.
 */
@Entity('assistance_applications')
@Index('idx_assistance_applications_applicant', ['applicantId', 'id'])
@Index('idx_assistance_applications_queue', ['orgPath', 'status', 'id'])
export class AssistanceApplication {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'applicant_id', type: 'int' })
  applicantId!: number;

  /** Staff who filed it for the applicant (with their recorded consent); null when the worker applied. */
  @Column({ name: 'filed_by', type: 'int', nullable: true })
  filedBy!: number | null;

  @DateTimeColumn({ name: 'consent_recorded_at', nullable: true })
  consentRecordedAt!: Date | null;

  /** The applicant's verified org when they applied: its chain up the tree decides who reviews. */
  @Column({ name: 'org_id', type: 'int' })
  orgId!: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath!: string;

  /** The street-level union above it (a direct child of the district), for the figures by street. */
  @Column({ name: 'street_org_id', type: 'int' })
  streetOrgId!: number;

  @Column({ type: 'varchar', length: 16 })
  kind!: AssistanceKind;

  @Column({ type: 'varchar', length: 16 })
  status!: AssistanceStatus;

  /** `applicantId:kind` while open, NULL once granted or withdrawn: one open application per kind. */
  @Index('uq_assistance_applications_active', { unique: true })
  @Column({ name: 'active_key', type: 'varchar', length: 40, nullable: true })
  activeKey!: string | null;

  @Column({ name: 'family_situation_cipher', type: 'text' })
  familySituationCipher!: string;

  @Column({ name: 'household_size', type: 'int' })
  householdSize!: number;

  @Column({ name: 'income_cipher', type: 'varchar', length: 255 })
  incomeCipher!: string;

  @Column({ name: 'reasons_cipher', type: 'text' })
  reasonsCipher!: string;

  @Column({ name: 'document_ids_cipher', type: 'text' })
  documentIdsCipher!: string;

  /** The step that returned it, while returned: a resubmission goes back there. */
  @Column({ name: 'returned_step', type: 'varchar', length: 8, nullable: true })
  returnedStep!: ReviewStep | null;

  @Column({ name: 'return_reason_cipher', type: 'text', nullable: true })
  returnReasonCipher!: string | null;

  @Column({ name: 'visit_date', type: 'varchar', length: 10, nullable: true })
  visitDate!: string | null;

  @Column({ name: 'visit_visitors', type: 'varchar', length: 100, nullable: true })
  visitVisitors!: string | null;

  @Column({ name: 'visit_notes_cipher', type: 'text', nullable: true })
  visitNotesCipher!: string | null;

  @Column({ name: 'visit_photo_ids_cipher', type: 'text', nullable: true })
  visitPhotoIdsCipher!: string | null;

  @Column({ name: 'visit_by', type: 'int', nullable: true })
  visitBy!: number | null;

  @DateTimeColumn({ name: 'visit_at', nullable: true })
  visitAt!: Date | null;

  /** Fen (1/100 yuan); plain, since the union's yearly figures add it up (alone it says nothing of the family). */
  @Column({ name: 'grant_amount_fen', type: 'int', nullable: true })
  grantAmountFen!: number | null;

  @Column({ name: 'grant_kind', type: 'varchar', length: 16, nullable: true })
  grantKind!: AssistanceGrantKind | null;

  @Column({ name: 'grant_date', type: 'varchar', length: 10, nullable: true })
  grantDate!: string | null;

  @DateTimeColumn({ name: 'granted_at', nullable: true })
  grantedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
