import { Body, Controller, HttpCode, HttpStatus, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthResult, ConsoleCodeView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, LoginRateLimit, Public, Roles } from '../../common/auth/decorators';
import { RetryAfterInterceptor } from '../../common/rate-limit/rate-limited';
import { AuthService } from './auth.service';
import { ConsoleLoginService } from './console-login.service';
import { ConsoleLoginDto } from './dto/console-login.dto';

/** Signing in to the staff console with a one-time code from the mini-program. */
@ApiTags('auth')
@Controller('auth')
export class ConsoleLoginController {
  constructor(
    private readonly codes: ConsoleLoginService,
    private readonly auth: AuthService,
  ) {}

  @Post('console-code')
  @ApiBearerAuth()
  @Roles('staff', 'lawyer')
  issue(@CurrentUser() user: AuthUser): Promise<ConsoleCodeView> {
    return this.codes.issue(user.id);
  }

  @Post('console-login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @LoginRateLimit()
  @UseInterceptors(RetryAfterInterceptor)
  @ApiUnauthorizedResponse({ description: '登录码无效、已过期或因多次输错而作废' })
  @ApiTooManyRequestsResponse({ description: '输错登录码的次数太多（全站每分钟上限），见 Retry-After（RATE_LIMITED）' })
  async login(@Body() dto: ConsoleLoginDto): Promise<AuthResult> {
    return this.auth.startSession(await this.codes.redeem(dto.code));
  }
}
