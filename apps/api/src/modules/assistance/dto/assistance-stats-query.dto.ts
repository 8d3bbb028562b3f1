import { ApiPropertyOptional } from '@nestjs/swagger';
import type { AssistanceStatsQuery } from '@jingcai/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

const FORMATS = ['json', 'xlsx'] as const;

export class AssistanceStatsQueryDto implements AssistanceStatsQuery {
  @ApiPropertyOptional({ minimum: 2000, maximum: 2100, description: '年份（北京时间）；默认今年' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];
}
