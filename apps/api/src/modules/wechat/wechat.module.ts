import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QrCodeService } from './qr-code.service';
import { WechatAccessToken } from './wechat-access-token.entity';
import { WechatClient } from './wechat.client';
import { WechatTokensRepository } from './wechat-tokens.repository';

@Module({
  imports: [TypeOrmModule.forFeature([WechatAccessToken])],
  providers: [WechatClient, WechatTokensRepository, QrCodeService],
  exports: [WechatClient, QrCodeService],
})
export class WechatModule {}
