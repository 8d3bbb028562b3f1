import { ApiPropertyOptional } from '@nestjs/swagger';
import { type StationQuery } from '@jingcai/shared';
import { Type } from 'class-transformer';
import { IsLatitude, IsLongitude, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

export class StationQueryDto extends PageQuery implements StationQuery {
  @ApiPropertyOptional({ description: '当前位置纬度' })
  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ description: '当前位置经度' })
  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  lng?: number;
}
