import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CareStatsView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { BenefitStatsQueryDto } from './dto/benefit-stats-query.dto';
import { CareStatsService } from './care-stats.service';

/** Staff dashboard: a benefit's claims and redemptions per day. */
@ApiTags('care')
@ApiBearerAuth()
@Roles('staff')
@Controller('care')
export class CareStatsController {
  constructor(private readonly stats: CareStatsService) {}

  @Get('stats')
  get(@CurrentUser() user: AuthUser, @Query() query: BenefitStatsQueryDto): Promise<CareStatsView> {
    return this.stats.stats(user, query.days, query.benefitId);
  }
}
