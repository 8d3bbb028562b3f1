import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConsoleCodeView } from '@jingcai/shared';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { RateLimitWindowsRepository } from '../../common/rate-limit/rate-limit-windows.repository';
import { RateLimitedException } from '../../common/rate-limit/rate-limited';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { ConsoleLoginCodesRepository } from './console-login-codes.repository';

const CODE_TTL_MS = 5 * 60_000;
const CODE_DIGITS = 8;
/** Failed console logins a pending code survives; the next charge kills it. */
export const CONSOLE_CODE_MAX_FAILURES = 5;
/** Failed console logins per minute across every client and instance before all tries answer 429. */
export const CONSOLE_LOGIN_FAILURES_PER_MINUTE = 20;
const FAILURES_BUCKET = 'console-login-failures';
const FAILURES_WINDOW_MS = 60_000;

/**
 * The console's login: no passwords. Signed in on the mini-program (WeChat identity), a staff member asks
 * for a code and types it into the console, which exchanges it once for a session of its own. Guessing
 * is bounded by the code space (10⁸), the 5-minute life, one live code per user, and caps that do not
 * depend on the client's address (which a client behind a trusted proxy may choose):
 * - a wrong guess names no code, so it is charged to every pending code, and a code dies after
 *   CONSOLE_CODE_MAX_FAILURES charges: whoever guesses, from wherever, has that many tries at it;
 * - failed console logins are capped per minute for everyone together (429 with Retry-After).
 * Both counts live in MySQL and are taken before the guess is checked (and given back when it was
 * right), so concurrent guesses on any number of instances cannot overshoot them.
 */
@Injectable()
export class ConsoleLoginService {
  private readonly key: Buffer;

  constructor(
    private readonly codes: ConsoleLoginCodesRepository,
    private readonly windows: RateLimitWindowsRepository,
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
    const now = this.clock.now();
    const failures = await this.windows.hit(FAILURES_BUCKET, FAILURES_WINDOW_MS, now);
    if (failures.hits > CONSOLE_LOGIN_FAILURES_PER_MINUTE) {
      throw new RateLimitedException(
        (failures.windowStart + FAILURES_WINDOW_MS - now.getTime()) / 1000,
        '登录码输错的次数太多，请稍后再试',
      );
    }
    const charged = await this.codes.charge(now, CONSOLE_CODE_MAX_FAILURES);
    const userId = await this.codes.redeem(this.hash(code), charged, now, CONSOLE_CODE_MAX_FAILURES);
    if (userId === null) {
      throw new AppException('UNAUTHENTICATED', '登录码无效或已过期，请在小程序中重新获取');
    }
    // A right code was no failure: give back its charges.
    await this.codes.refund(charged);
    await this.windows.unhit(FAILURES_BUCKET, failures);
    return userId;
  }

  private hash(code: string): string {
    return createHmac('sha256', this.key).update(code).digest('hex');
  }
}
