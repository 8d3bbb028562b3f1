import type { MembershipStatus, UserTag, WorkerCategory } from '@jingcai/shared';
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CodeListColumn, CreatedAtColumn, DateTimeColumn, UpdatedAtColumn } from '../../../common/database/columns';
import { Org } from '../../orgs/entities/org.entity';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('uq_users_openid', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  openid!: string;

  @Index('idx_users_unionid')
  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  nickname!: string | null;

  @Column({ name: 'real_name', type: 'varchar', length: 32, nullable: true })
  realName!: string | null;

  /** AES-256-GCM ciphertext (PiiCipher); never returned, only its mask. */
  @Column({ name: 'phone_cipher', type: 'varchar', length: 255, nullable: true })
  phoneCipher!: string | null;

  @Index('idx_users_phone_hash')
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  /**
   * The keyed hash of the phone WeChat verified (getPhoneNumber), unique: one verified phone, one account.
   * `phone_hash` may also hold a number typed on a membership application, which proves nothing.
   */
  @Index('uq_users_wechat_phone_hash', { unique: true })
  @Column({ name: 'wechat_phone_hash', type: 'varchar', length: 64, nullable: true })
  wechatPhoneHash!: string | null;

  @Column({ name: 'id_number_cipher', type: 'varchar', length: 255, nullable: true })
  idNumberCipher!: string | null;

  /** One person, one account: a second account claiming the same ID number is a conflict. */
  @Index('uq_users_id_number_hash', { unique: true })
  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, nullable: true })
  idNumberHash!: string | null;

  /** The verified org: written only when staff approve joining or an org change (never by the worker). */
  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @ManyToOne(() => Org, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'org_id' })
  org?: Relation<Org> | null;

  /** The org the worker asked to change to, until staff of that org approve or reject it. */
  @Index('idx_users_requested_org')
  @Column({ name: 'requested_org_id', type: 'int', nullable: true })
  requestedOrgId!: number | null;

  // No foreign key: a request to an org that disappears simply drops out of every list.
  @ManyToOne(() => Org, { nullable: true, createForeignKeyConstraints: false })
  @JoinColumn({ name: 'requested_org_id' })
  requestedOrg?: Relation<Org> | null;

  @DateTimeColumn({ name: 'org_requested_at', nullable: true })
  orgRequestedAt!: Date | null;

  /** Self-declared until a review (an approved membership application) confirms it; see `categoryVerified`. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  category!: WorkerCategory | null;

  /** Whether staff reviewed `category`; cleared whenever the worker changes it. */
  @Column({ name: 'category_verified', type: 'boolean', default: false })
  categoryVerified!: boolean;

  /** Gig work proven for the current `category`; cleared whenever the worker changes it. */
  @Column({ name: 'gig_verified', type: 'boolean', default: false })
  gigVerified!: boolean;

  @CodeListColumn()
  tags!: UserTag[];

  @Column({ type: 'varchar', length: 16, default: 'none' })
  membership!: MembershipStatus;

  @Index('uq_users_member_no', { unique: true })
  @Column({ name: 'member_no', type: 'varchar', length: 32, nullable: true })
  memberNo!: string | null;

  /** When the membership application was approved: the join date on the member card. */
  @DateTimeColumn({ name: 'member_since', nullable: true })
  memberSince!: Date | null;

  /** The published avatar; a new one waits in content safety until WeChat's image check passes. */
  @Column({ name: 'avatar_upload_id', type: 'varchar', length: 32, nullable: true })
  avatarUploadId!: string | null;

  @Column({ name: 'consent_version', type: 'varchar', length: 32, nullable: true })
  consentVersion!: string | null;

  @DateTimeColumn({ name: 'consent_at', nullable: true })
  consentAt!: Date | null;

  /** 长辈模式: a display preference that follows the worker to a new phone; also lengthens timed quizzes. */
  @Column({ name: 'care_mode', type: 'boolean', default: false })
  careMode!: boolean;

  /** Set when the worker deleted the account (注销): the row was anonymised then and never logs in again. */
  @DateTimeColumn({ name: 'deleted_at', nullable: true })
  deletedAt!: Date | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
