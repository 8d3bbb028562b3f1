import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FeedbackView, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { ContentRateLimit, CurrentUser, Roles } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { CreateFeedbackDto } from './dto/create-feedback.dto';
import { FeedbackQueryDto } from './dto/feedback-query.dto';
import { ReplyFeedbackDto } from './dto/reply-feedback.dto';
import { FeedbackService } from './feedback.service';

/** 投诉建议: the sender and staff in scope; 404 for everyone else. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Post()
  @ContentRateLimit()
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateFeedbackDto): Promise<FeedbackView> {
    return this.feedback.create(user, dto);
  }

  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<FeedbackView>> {
    return this.feedback.mine(user, query);
  }

  /** Staff see their subtree, admins everything. */
  @Get()
  @Roles('staff')
  list(@CurrentUser() user: AuthUser, @Query() query: FeedbackQueryDto): Promise<Page<FeedbackView>> {
    return this.feedback.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<FeedbackView> {
    return this.feedback.get(user, id);
  }

  @Post(':id/reply')
  @Roles('staff')
  reply(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: ReplyFeedbackDto,
  ): Promise<FeedbackView> {
    return this.feedback.reply(user, id, dto.text);
  }
}
