import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthResult, ConsoleCodeView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, LoginRateLimit, Public, Roles } from '../../common/auth/decorators';
import { AuthService } from './auth.service';
import { ConsoleLoginService } from './console-login.service';
import { ConsoleLoginDto } from './dto/auth.dto';

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
  @ApiUnauthorizedResponse({ description: '登录码无效或已过期' })
  async login(@Body() dto: ConsoleLoginDto): Promise<AuthResult> {
    return this.auth.startSession(await this.codes.redeem(dto.code));
  }
}
