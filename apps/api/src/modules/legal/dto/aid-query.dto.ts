import { ApiPropertyOptional } from '@nestjs/swagger';
import { AID_STATUSES, type AidStatus } from '@jingcai/shared';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

export class AidQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: AID_STATUSES })
  @IsOptional()
  @IsIn(AID_STATUSES)
  status?: AidStatus;
}
