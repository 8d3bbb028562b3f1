import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LegalStatsView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { WeeklyTrendQuery } from '../../common/http/trend-query';
import { LegalStatsService } from './legal-stats.service';

/** Staff dashboard: legal questions opened and answered per week, and the overdue count. */
@ApiTags('legal')
@ApiBearerAuth()
@Roles('staff')
@Controller('legal')
export class LegalStatsController {
  constructor(private readonly stats: LegalStatsService) {}

  @Get('stats')
  get(@CurrentUser() user: AuthUser, @Query() query: WeeklyTrendQuery): Promise<LegalStatsView> {
    return this.stats.stats(user, query.weeks);
  }
}
