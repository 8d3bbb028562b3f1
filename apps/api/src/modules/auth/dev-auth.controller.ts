import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthResult, DemoUserView } from '@jingcai/shared';
import { LoginRateLimit, Public } from '../../common/auth/decorators';
import { DEMO_USERS } from './demo-accounts';
import { AuthService } from './auth.service';
import { DevLoginDto } from './dto/dev-login.dto';

/**
 * Login without WeChat, for the H5 build and local demos. AuthModule only registers this controller
 * when AUTH_DEV_LOGIN=true, and config refuses that in production: off means the routes do not exist.
 */
@ApiTags('auth')
@Public()
@Controller('auth/dev')
export class DevAuthController {
  constructor(private readonly auth: AuthService) {}

  @Get('users')
  users(): DemoUserView[] {
    return DEMO_USERS.map(({ openid, label }) => ({ openid, label }));
  }

  @Post('login')
  @HttpCode(HttpStatus.OK)
  @LoginRateLimit()
  login(@Body() dto: DevLoginDto): Promise<AuthResult> {
    return this.auth.devLogin(dto.openid);
  }
}
