import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { WechatModule } from '../wechat/wechat.module';
import { ContentSafetyService } from './content-safety.service';
import { ModerationItem } from './entities/moderation-item.entity';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { WechatEventsController } from './wechat-events.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ModerationItem]), WechatModule, UploadsModule, OrgsModule],
  controllers: [ModerationController, WechatEventsController],
  providers: [ContentSafetyService, ModerationRepository],
  exports: [ContentSafetyService],
})
export class ContentSafetyModule {}
