import { Body, Controller, Get, Param, ParseIntPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ApplicationView, MemberCardView, Page, ReviewApplicationView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { ApplicationQueryDto } from './dto/application-query.dto';
import { RejectApplicationDto } from './dto/reject-application.dto';
import { SubmitApplicationDto } from './dto/submit-application.dto';
import { MembershipService } from './membership.service';

@ApiTags('membership')
@ApiBearerAuth()
@Controller('membership')
export class MembershipController {
  constructor(private readonly membership: MembershipService) {}

  @Post('applications')
  submit(@CurrentUser() user: AuthUser, @Body() dto: SubmitApplicationDto): Promise<ApplicationView> {
    return this.membership.submit(user.id, dto);
  }

  @Get('applications/mine')
  mine(@CurrentUser() user: AuthUser): Promise<ApplicationView[]> {
    return this.membership.mine(user.id);
  }

  @Get('card')
  card(@CurrentUser() user: AuthUser): Promise<MemberCardView> {
    return this.membership.card(user.id);
  }

  @Get('applications')
  @Roles('staff')
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ApplicationQueryDto,
  ): Promise<Page<ReviewApplicationView>> {
    return this.membership.list(user, query);
  }

  @Get('applications/:id')
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ApplicationView | ReviewApplicationView> {
    return this.membership.get(user, id);
  }

  @Post('applications/:id/approve')
  @Roles('staff')
  approve(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
  ): Promise<ReviewApplicationView> {
    return this.membership.approve(user, id);
  }

  @Post('applications/:id/reject')
  @Roles('staff')
  reject(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIntPipe) id: number,
    @Body() dto: RejectApplicationDto,
  ): Promise<ReviewApplicationView> {
    return this.membership.reject(user, id, dto.reason);
  }
}
