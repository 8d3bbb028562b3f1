import { ApiPropertyOptional } from '@nestjs/swagger';
import { TREND_DAYS, TREND_WEEKS } from '@jingcai/shared';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?days=` on every daily trend of the dashboard (quiz, reading, care). */
export class TrendQuery {
  @ApiPropertyOptional({ minimum: TREND_DAYS.min, maximum: TREND_DAYS.max, default: TREND_DAYS.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(TREND_DAYS.min)
  @Max(TREND_DAYS.max)
  days: number = TREND_DAYS.default;
}

/** `?weeks=` on a weekly trend (legal). */
export class WeeklyTrendQuery {
  @ApiPropertyOptional({ minimum: TREND_WEEKS.min, maximum: TREND_WEEKS.max, default: TREND_WEEKS.default })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(TREND_WEEKS.min)
  @Max(TREND_WEEKS.max)
  weeks: number = TREND_WEEKS.default;
}
