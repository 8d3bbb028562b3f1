import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AuthResult } from '@jingcai/shared';
import { LoginRateLimit, Public } from '../../common/auth/decorators';
import { AuthService } from './auth.service';
import { RefreshDto } from './dto/refresh.dto';
import { WechatLoginDto } from './dto/wechat-login.dto';

@ApiTags('auth')
@Public()
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('wechat/login')
  @HttpCode(HttpStatus.OK)
  @LoginRateLimit()
  @ApiUnauthorizedResponse({ description: '微信登录凭证无效（WECHAT_CODE_INVALID）' })
  login(@Body() dto: WechatLoginDto): Promise<AuthResult> {
    return this.auth.loginWithWechat(dto.code);
  }

  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @LoginRateLimit()
  @ApiUnauthorizedResponse({ description: '刷新令牌无效、已用过或已过期（REFRESH_TOKEN_INVALID）' })
  refresh(@Body() dto: RefreshDto): Promise<AuthResult> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }
}
