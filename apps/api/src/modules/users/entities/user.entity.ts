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

  @Column({ name: 'id_number_cipher', type: 'varchar', length: 255, nullable: true })
  idNumberCipher!: string | null;

  /** One person, one account: a second account claiming the same ID number is a conflict. */
  @Index('uq_users_id_number_hash', { unique: true })
  @Column({ name: 'id_number_hash', type: 'varchar', length: 64, nullable: true })
  idNumberHash!: string | null;

  @Column({ name: 'org_id', type: 'int', nullable: true })
  orgId!: number | null;

  @ManyToOne(() => Org, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'org_id' })
  org?: Relation<Org> | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  category!: WorkerCategory | null;

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

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
