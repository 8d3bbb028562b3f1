import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn } from '../../../common/database/columns';

/** Append-only record of each consent to a privacy-notice version, and of each withdrawal (PIPL asks us to be able to show it). */
@Entity('privacy_consents')
export class PrivacyConsent {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('idx_privacy_consents_user')
  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Column({ type: 'varchar', length: 32 })
  version!: string;

  /** A withdrawal of consent (to `version`) rather than a consent: the history shows both. */
  @Column({ type: 'boolean', default: false })
  withdrawn!: boolean;

  @CreatedAtColumn()
  createdAt!: Date;
}
