import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_STATUSES,
  type ApplicationExportQuery,
  type AssistanceKind,
  type AssistanceStatus,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { booleanQuery } from '../../../common/http/transforms';

export class ApplicationExportQueryDto implements ApplicationExportQuery {
  @ApiPropertyOptional({ enum: ASSISTANCE_STATUSES })
  @IsOptional()
  @IsIn(ASSISTANCE_STATUSES)
  status?: AssistanceStatus;

  @ApiPropertyOptional({ enum: ASSISTANCE_KINDS })
  @IsOptional()
  @IsIn(ASSISTANCE_KINDS)
  kind?: AssistanceKind;

  @ApiPropertyOptional({
    description: 'true：包含申请人姓名、家庭情况、收入等敏感信息（仅管理员，逐条记入查阅日志）',
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  includeSensitive?: boolean;
}
