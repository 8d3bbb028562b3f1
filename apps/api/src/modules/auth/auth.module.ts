import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RateLimitWindowsRepository } from '../../common/rate-limit/rate-limit-windows.repository';
import { UsersModule } from '../users/users.module';
import { WechatModule } from '../wechat/wechat.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ConsoleLoginController } from './console-login.controller';
import { ConsoleLoginService } from './console-login.service';
import { DevAuthController } from './dev-auth.controller';
import { ConsoleLoginCode } from './entities/console-login-code.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { ConsoleLoginCodesRepository } from './console-login-codes.repository';
import { RefreshTokenService } from './refresh-token.service';
import { RefreshTokensRepository } from './refresh-tokens.repository';

@Module({})
export class AuthModule {
  static forRoot(options: { devLogin: boolean }): DynamicModule {
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature([RefreshToken, ConsoleLoginCode]), UsersModule, WechatModule],
      controllers: options.devLogin
        ? [AuthController, ConsoleLoginController, DevAuthController]
        : [AuthController, ConsoleLoginController],
      providers: [
        AuthService,
        RefreshTokenService,
        ConsoleLoginService,
        RefreshTokensRepository,
        ConsoleLoginCodesRepository,
        RateLimitWindowsRepository,
      ],
    };
  }
}
