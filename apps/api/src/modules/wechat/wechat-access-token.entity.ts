import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UpdatedAtColumn } from '../../common/database/columns';

/**
 * The app's WeChat access token, cached in the database so every API instance shares one, plus a lease
 * so only one instance at a time refreshes it (WeChat rate-limits stable_token per app).
 */
@Entity('wechat_access_tokens')
export class WechatAccessToken {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  appid!: string;

  @Column({ name: 'access_token', type: 'varchar', length: 512, nullable: true })
  accessToken!: string | null;

  @DateTimeColumn({ name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @DateTimeColumn({ name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
