import type { IncomingMessage } from 'node:http';
import { HttpStatus, Inject, Injectable, type OnModuleInit, type ValidationPipe } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerException, type ThrottlerStorage } from '@nestjs/throttler';
import { AccessTokenService } from '../../common/auth/access-token.service';
import type { AuthUser } from '../../common/auth/auth-user';
import { authenticate } from '../../common/auth/auth.guard';
import { RevokedAccounts } from '../../common/auth/revoked-accounts';
import { createValidationPipe } from '../../common/errors/validation';
import {
  failure,
  FastPaths,
  type FastAnswer,
  type FastHandler,
  type FastPath,
} from '../../common/http/fast-path';
import {
  RATE_LIMIT_WINDOW_MS,
  userTracker,
  WRITE_THROTTLER,
  writeLimitKey,
} from '../../common/rate-limit/rate-limit.guard';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { BenefitsController } from './benefits.controller';
import { ClaimsService } from './claims.service';
import { CreateClaimDto } from './dto/create-claim.dto';

/** `POST /api/care/benefits/:id/claims`, with an id the framework route's ParseIntPipe reads the same way. */
const CLAIM_PATH = /^\/api\/care\/benefits\/([1-9]\d{0,8})\/claims$/;
/** The write limit counts the claim as the framework route's (BenefitsController.claim). */
const LIMITED_AS = [BenefitsController.name, BenefitsController.prototype.claim.name] as const;

/**
 * A worker's claim in a release rush, answered on the fast path (common/http/fast-path.ts): the same checks
 * as the framework route, in its order (token, write limit, body, validation), then `ClaimsService.claim`.
 * A request with no valid token is declined, so the framework route answers it.
 */
@Injectable()
export class ClaimFastPath implements FastPath, OnModuleInit {
  private readonly writesPerMinute: number;
  /** The global validation pipe's checks (app.factory.ts), from the same DTO metadata. */
  private readonly validation: ValidationPipe;

  constructor(
    private readonly fastPaths: FastPaths,
    private readonly claims: ClaimsService,
    private readonly tokens: AccessTokenService,
    private readonly revoked: RevokedAccounts,
    @InjectThrottlerStorage() private readonly limits: ThrottlerStorage,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.writesPerMinute = config.rateLimit.writesPerMinute;
    this.validation = createValidationPipe(config.env === 'test');
  }

  onModuleInit(): void {
    this.fastPaths.add(this);
  }

  route(request: IncomingMessage): FastHandler | null {
    const match = CLAIM_PATH.exec(request.url ?? '');
    if (!match) return null;
    let user: AuthUser;
    try {
      user = authenticate(request.headers.authorization, this.tokens, this.revoked);
    } catch {
      return null;
    }
    return (body) => this.claim(user, Number(match[1]), body);
  }

  private async claim(user: AuthUser, benefitId: number, body: unknown): Promise<FastAnswer> {
    const key = writeLimitKey(...LIMITED_AS, userTracker(user.id));
    const limit = this.writesPerMinute;
    const counted = await this.limits.increment(
      key,
      RATE_LIMIT_WINDOW_MS,
      limit,
      RATE_LIMIT_WINDOW_MS,
      WRITE_THROTTLER,
    );
    if (counted.isBlocked) {
      // As the throttler and the exception filter answer it: the limit's own wait, and the standard header.
      const wait = String(counted.timeToBlockExpire);
      return failure(new ThrottlerException(), {
        [`retry-after-${WRITE_THROTTLER}`]: wait,
        'retry-after': String(Math.ceil(Math.max(1, counted.timeToBlockExpire))),
      });
    }
    const headers = {
      [`x-ratelimit-limit-${WRITE_THROTTLER}`]: String(limit),
      [`x-ratelimit-remaining-${WRITE_THROTTLER}`]: String(Math.max(0, limit - counted.totalHits)),
      [`x-ratelimit-reset-${WRITE_THROTTLER}`]: String(counted.timeToExpire),
    };
    try {
      const dto = (await this.validation.transform(body, {
        type: 'body',
        metatype: CreateClaimDto,
      })) as CreateClaimDto;
      const { created, claim } = await this.claims.claim(user.id, benefitId, dto.stationId);
      return { status: created ? HttpStatus.CREATED : HttpStatus.OK, body: claim, headers };
    } catch (error) {
      return failure(error, headers);
    }
  }
}
