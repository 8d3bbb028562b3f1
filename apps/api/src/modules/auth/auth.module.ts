import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { WechatModule } from '../wechat/wechat.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { DevAuthController } from './dev-auth.controller';
import { RefreshToken } from './entities/refresh-token.entity';
import { RefreshTokenService } from './refresh-token.service';

@Module({})
export class AuthModule {
  static forRoot(options: { devLogin: boolean }): DynamicModule {
    return {
      module: AuthModule,
      imports: [TypeOrmModule.forFeature([RefreshToken]), UsersModule, WechatModule],
      controllers: options.devLogin ? [AuthController, DevAuthController] : [AuthController],
      providers: [AuthService, RefreshTokenService],
    };
  }
}
