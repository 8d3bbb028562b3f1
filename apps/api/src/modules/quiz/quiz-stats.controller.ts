import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { QuizStatsView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { CampaignStatsQueryDto } from './dto/campaign-stats-query.dto';
import { QuizStatsService } from './quiz-stats.service';

/** Staff dashboard: a campaign's participation per day and by org, over the staff member's subtree. */
@ApiTags('quiz')
@ApiBearerAuth()
@Roles('staff')
@Controller('quiz')
export class QuizStatsController {
  constructor(private readonly stats: QuizStatsService) {}

  @Get('stats')
  get(@CurrentUser() user: AuthUser, @Query() query: CampaignStatsQueryDto): Promise<QuizStatsView> {
    return this.stats.stats(user, query.days, query.campaignId);
  }
}
