import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_KINDS,
  MAX_ID,
  SIGNUP_STATUSES,
  type EventKind,
  type EventQuery,
  type ManageEventQuery,
  type SignupExportQuery,
  type SignupQuery,
  type SignupStatus,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { booleanQuery } from '../../../common/http/transforms';

export class EventQueryDto extends PageQuery implements EventQuery {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({
    description: '只看本周（上海时间周一至周日）有场次的活动',
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  thisWeek?: boolean;

  @ApiPropertyOptional({ description: '当前位置纬度（附近：由近到远）' })
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

export class ManageEventQueryDto extends PageQuery implements ManageEventQuery {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;
}

class SignupFilter {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sessionId?: number;

  @ApiPropertyOptional({ enum: SIGNUP_STATUSES })
  @IsOptional()
  @IsIn(SIGNUP_STATUSES)
  status?: SignupStatus;
}

export class SignupQueryDto extends PageQuery implements SignupQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sessionId?: number;

  @ApiPropertyOptional({ enum: SIGNUP_STATUSES })
  @IsOptional()
  @IsIn(SIGNUP_STATUSES)
  status?: SignupStatus;

  @ApiPropertyOptional({ description: '报名号或票码' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString()
  @MaxLength(10)
  @Matches(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8,10}$/)
  q?: string;
}

export class SignupExportQueryDto extends SignupFilter implements SignupExportQuery {
  @ApiPropertyOptional({
    description: '仅管理员：导出未打码的孩子信息和手机号（会记录日志）',
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  includeSensitive?: boolean;
}

export class VenueCodeQueryDto {
  @ApiPropertyOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sessionId!: number;
}
