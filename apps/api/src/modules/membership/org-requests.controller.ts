import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrgRequestView, Page } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { PageQuery } from '../../common/http/pagination';
import { RejectApplicationDto } from './dto/reject-application.dto';
import { OrgRequestsService } from './org-requests.service';

/** Org changes workers asked for (`PATCH /api/me {orgId}`), reviewed by staff of the requested org. */
@ApiTags('membership')
@ApiBearerAuth()
@Roles('staff')
@Controller('membership/org-requests')
export class OrgRequestsController {
  constructor(private readonly requests: OrgRequestsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<OrgRequestView>> {
    return this.requests.list(user, query);
  }

  @Post(':userId/approve')
  approve(
    @CurrentUser() user: AuthUser,
    @Param('userId', ParseIntPipe) userId: number,
  ): Promise<OrgRequestView> {
    return this.requests.approve(user, userId);
  }

  @Post(':userId/reject')
  reject(
    @CurrentUser() user: AuthUser,
    @Param('userId', ParseIntPipe) userId: number,
    @Body() dto: RejectApplicationDto,
  ): Promise<OrgRequestView> {
    return this.requests.reject(user, userId, dto.reason);
  }
}
