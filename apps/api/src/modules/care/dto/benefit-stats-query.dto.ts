import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { TrendQuery } from '../../../common/http/trend-query';

export class BenefitStatsQueryDto extends TrendQuery {
  @ApiPropertyOptional({ description: '福利 id；不填时为最近的一项福利' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  benefitId?: number;
}
