import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleCodeView } from '@jingcai/shared';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ConsoleLoginCodesRepository } from './console-login-codes.repository';

const CODE_TTL_MS = 5 * 60_000;
const CODE_DIGITS = 8;

/**
 * The console's login: no passwords. Signed in on the mini-program (WeChat identity), a staff member asks
 * for a code and types it into the console, which exchanges it once for a session of its own. Guessing
 * is bounded by the code space (10⁸), the 5-minute life, one live code per user and the login rate limit.
 */
@Injectable()
export class ConsoleLoginService {
  private readonly key: Buffer;

  constructor(
    private readonly codes: ConsoleLoginCodesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.key = Buffer.from(
      hkdfSync('sha256', config.auth.jwtSecret, Buffer.alloc(0), 'jingcai/console-code', 32),
    );
  }

  async issue(userId: number): Promise<ConsoleCodeView> {
    const now = this.clock.now();
    await this.codes.deleteUnused(userId);
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    for (;;) {
      const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
      // False when another live code has the same digits: draw again.
      if (await this.codes.tryInsert(userId, this.hash(code), expiresAt)) {
        return { code, expiresAt: expiresAt.toISOString() };
      }
    }
  }

  /** The user the code was issued to; a code is good for exactly one login. */
  async redeem(code: string): Promise<number> {
    const userId = await this.codes.redeem(this.hash(code), this.clock.now());
    if (userId === null) {
      throw new AppException('UNAUTHENTICATED', '登录码无效或已过期，请在小程序中重新获取');
    }
    return userId;
  }

  private hash(code: string): string {
    return createHmac('sha256', this.key).update(code).digest('hex');
  }
}
