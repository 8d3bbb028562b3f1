import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { ReadingStatsView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { SeasonStatsQueryDto } from './dto/season-stats-query.dto';
import { ReadingStatsService } from './reading-stats.service';

/** Staff dashboard: a season's readers per day and participation by org, over the staff member's subtree. */
@ApiTags('reading')
@ApiBearerAuth()
@Roles('staff')
@Controller('reading')
export class ReadingStatsController {
  constructor(private readonly stats: ReadingStatsService) {}

  @Get('stats')
  get(@CurrentUser() user: AuthUser, @Query() query: SeasonStatsQueryDto): Promise<ReadingStatsView> {
    return this.stats.stats(user, query.days, query.seasonId);
  }
}
