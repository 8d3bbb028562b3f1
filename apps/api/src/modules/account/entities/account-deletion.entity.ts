import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeColumn } from '../../../common/database/columns';

/**
 * A worker's deletion (注销) request: the identity was anonymised when it was made; the sweep erases the
 * rest of the personal data feature by feature and marks `erased_at`, no later than `erase_by`.
 */
@Entity('account_deletions')
@Index('idx_account_deletions_pending', ['erasedAt', 'eraseBy'])
export class AccountDeletion {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('uq_account_deletions_user', { unique: true })
  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  /** Read by every instance's revocation poll: tokens of accounts deleted within a token lifetime are refused. */
  @Index('idx_account_deletions_requested')
  @DateTimeColumn({ name: 'requested_at' })
  requestedAt!: Date;

  /** 15 working days after the request (Shanghai): the legal deadline for the erasure. */
  @DateTimeColumn({ name: 'erase_by' })
  eraseBy!: Date;

  @DateTimeColumn({ name: 'erased_at', nullable: true })
  erasedAt!: Date | null;
}
