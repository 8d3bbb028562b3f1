import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TrendQuery } from '../../../common/http/trend-query';

export class CampaignStatsQueryDto extends TrendQuery {
  @ApiPropertyOptional({ description: '答题活动 id；不填时为最近的一个活动' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  campaignId?: number;
}
