import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AssistanceStats } from '@jingcai/shared';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/decorators';
import { XLSX, xlsxDownload } from '../../common/http/xlsx';
import { AssistanceStatsService } from './assistance-stats.service';
import { AssistanceStatsQueryDto } from './dto/assistance-stats-query.dto';

/** The annual report's figures by street-level union (aggregates only), as JSON or .xlsx. */
@ApiTags('assistance')
@ApiBearerAuth()
@Roles('staff')
@Controller('assistance/stats')
export class AssistanceStatsController {
  constructor(private readonly stats: AssistanceStatsService) {}

  @Get()
  @ApiProduces('application/json', XLSX)
  async get(
    @CurrentUser() user: AuthUser,
    @Query() query: AssistanceStatsQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssistanceStats | StreamableFile> {
    if (query.format !== 'xlsx') return this.stats.year(user, query.year);
    return xlsxDownload(
      reply,
      `assistance-${query.year ?? 'this-year'}.xlsx`,
      await this.stats.workbook(user, query.year),
    );
  }
}
