import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgsModule } from '../orgs/orgs.module';
import { UploadsModule } from '../uploads/uploads.module';
import { WechatModule } from '../wechat/wechat.module';
import { ContentSafetyService } from './content-safety.service';
import { ModerationItem } from './entities/moderation-item.entity';
import { ModerationController } from './moderation.controller';
import { ModerationRepository } from './moderation.repository';
import { ModerationService } from './moderation.service';
import { WechatEventsController } from './wechat-events.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ModerationItem]), WechatModule, UploadsModule, OrgsModule, NotificationsModule],
  controllers: [ModerationController, WechatEventsController],
  providers: [ContentSafetyService, ModerationService, ModerationRepository],
  exports: [ContentSafetyService],
})
export class ContentSafetyModule {}
