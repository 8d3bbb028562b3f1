import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../users/entities/user.entity';
import { WechatModule } from '../wechat/wechat.module';
import { Notification } from './entities/notification.entity';
import { ClientConfigController, NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';

@Module({
  imports: [TypeOrmModule.forFeature([Notification, User]), WechatModule],
  controllers: [NotificationsController, ClientConfigController],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
