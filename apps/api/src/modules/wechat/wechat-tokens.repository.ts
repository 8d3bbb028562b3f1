import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { WechatAccessToken } from './wechat-access-token.entity';

const LEASE_MS = 10_000;

/**
 * The wechat_access_tokens table's statements: the database-backed half of the access-token cache. Reads
 * the shared token and hands out a short lease so one instance refreshes while the others wait and then
 * read its result.
 */
@Injectable()
export class WechatTokensRepository {
  constructor(@InjectRepository(WechatAccessToken) private readonly tokens: Repository<WechatAccessToken>) {}

  async read(appid: string): Promise<{ token: string; expiresAt: Date } | null> {
    const row = await this.tokens.findOneBy({ appid });
    if (!row?.accessToken || !row.expiresAt) return null;
    return { token: row.accessToken, expiresAt: row.expiresAt };
  }

  /** True when this caller holds the refresh lease (atomic: one UPDATE or one INSERT wins). */
  async tryLease(appid: string): Promise<boolean> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    const taken = await this.tokens
      .createQueryBuilder()
      .update()
      .set({ leaseUntil })
      .where('appid = :appid', { appid })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now })
      .execute();
    if (taken.affected) return true;
    if (await this.tokens.existsBy({ appid })) return false;
    try {
      await this.tokens.insert({ appid, leaseUntil, accessToken: null, expiresAt: null });
      return true;
    } catch {
      return false; // another instance inserted the row first and holds the lease
    }
  }

  async save(appid: string, token: string, expiresAt: Date): Promise<void> {
    await this.tokens.update({ appid }, { accessToken: token, expiresAt, leaseUntil: null });
  }

  async releaseLease(appid: string): Promise<void> {
    await this.tokens.update({ appid }, { leaseUntil: null });
  }

  /** Forget a token WeChat rejected — only if nobody has replaced it meanwhile. */
  async invalidate(appid: string, token: string): Promise<void> {
    await this.tokens.update({ appid, accessToken: token }, { expiresAt: null });
  }
}
