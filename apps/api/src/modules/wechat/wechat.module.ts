import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QrCodeService } from './qr-code.service';
import { WechatAccessToken } from './wechat-access-token.entity';
import { WechatClient } from './wechat.client';
import { WechatTokenStore } from './wechat-token.store';

@Module({
  imports: [TypeOrmModule.forFeature([WechatAccessToken])],
  providers: [WechatClient, WechatTokenStore, QrCodeService],
  exports: [WechatClient, QrCodeService],
})
export class WechatModule {}
