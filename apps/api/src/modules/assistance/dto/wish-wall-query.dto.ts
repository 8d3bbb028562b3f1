import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ID, type WallStatus, type WishWallQuery } from '@jingcai/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

const WALL_STATUSES: WallStatus[] = ['open', 'claimed', 'fulfilled'];

export class WishWallQueryDto extends PageQuery implements WishWallQuery {
  @ApiPropertyOptional({ enum: WALL_STATUSES })
  @IsOptional()
  @IsIn(WALL_STATUSES)
  status?: WallStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ID, description: '街道（或园区、行业、新就业形态）工会' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  streetId?: number;
}
