import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?scope=person|org&limit=&depth=` on every leaderboard (quiz campaigns, reading seasons). */
export class LeaderboardQuery {
  @ApiPropertyOptional({ enum: ['person', 'org'], default: 'person' })
  @IsOptional()
  @IsIn(['person', 'org'])
  scope: 'person' | 'org' = 'person';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 50;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 5,
    default: 1,
    description: '组织排名的层级（1 = 街道/园区/行业工会）',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  depth: number = 1;
}
