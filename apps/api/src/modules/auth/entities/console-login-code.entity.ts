import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, DateTimeColumn } from '../../../common/database/columns';

/**
 * A one-time code a staff member reads off the mini-program and types into the console. Stored only as
 * a keyed hash; good for one use within minutes; a new code replaces the user's unused ones; dead after
 * `CONSOLE_CODE_MAX_FAILURES` failed console logins were charged to it (see ConsoleLoginService).
 */
@Entity('console_login_codes')
export class ConsoleLoginCode {
  @PrimaryGeneratedColumn()
  id!: number;

  @Index('idx_console_login_codes_user')
  @Column({ name: 'user_id', type: 'int' })
  userId!: number;

  @Index('uq_console_login_codes_hash', { unique: true })
  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash!: string;

  @DateTimeColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @DateTimeColumn({ name: 'used_at', nullable: true })
  usedAt!: Date | null;

  /** Failed console logins charged to this code while it was pending. */
  @Column({ name: 'failed_attempts', type: 'int', default: 0 })
  failedAttempts!: number;

  @CreatedAtColumn()
  createdAt!: Date;
}
