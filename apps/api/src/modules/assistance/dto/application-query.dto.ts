import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_STATUSES,
  type AssistanceKind,
  type AssistanceStatus,
  type StaffApplicationQuery,
} from '@jingcai/shared';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';

export class ApplicationQueryDto extends PageQuery implements StaffApplicationQuery {
  @ApiPropertyOptional({ enum: ASSISTANCE_STATUSES })
  @IsOptional()
  @IsIn(ASSISTANCE_STATUSES)
  status?: AssistanceStatus;

  @ApiPropertyOptional({ enum: ASSISTANCE_KINDS })
  @IsOptional()
  @IsIn(ASSISTANCE_KINDS)
  kind?: AssistanceKind;
}
