import { Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ModerationItemView, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ModerationService } from './moderation.service';
import { ModerationQueryDto } from './dto/moderation-query.dto';

/** The staff moderation queue: content WeChat flagged for review, or could not check. */
@ApiTags('moderation')
@ApiBearerAuth()
@Roles('staff')
@Controller('moderation')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ModerationQueryDto,
  ): Promise<Page<ModerationItemView>> {
    return this.moderation.list(user, query);
  }

  @Post(':id/approve')
  approve(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ModerationItemView> {
    return this.moderation.approve(user, id);
  }

  @Post(':id/reject')
  reject(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ModerationItemView> {
    return this.moderation.reject(user, id);
  }
}
