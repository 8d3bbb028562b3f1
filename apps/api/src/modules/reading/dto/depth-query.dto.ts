import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class DepthQueryDto {
  @ApiPropertyOptional({ description: '按第几级组织汇总（1 = 街道一级）', default: 1 })
  @Type(() => Number)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5)
  depth: number = 1;
}
