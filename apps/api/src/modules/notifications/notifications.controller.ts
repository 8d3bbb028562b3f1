import { Body, Controller, Get, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ClientConfigView, NotificationPage } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { MarkReadDto } from './dto/mark-read.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<NotificationPage> {
    return this.notifications.list(user.id, query);
  }

  @Post('read')
  markRead(@CurrentUser() user: AuthUser, @Body() dto: MarkReadDto): Promise<{ unread: number }> {
    return this.notifications.markRead(user.id, dto.ids);
  }
}

/** What the mini-program must know before asking the worker to allow subscribe messages. */
@ApiTags('notifications')
@Public()
@Controller('config')
export class ClientConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('client')
  client(): ClientConfigView {
    return { subscribeTemplates: this.config.wechat.subscribeTemplates };
  }
}
