import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_ID,
  MEMBERSHIP_STATUSES,
  PLAIN_TEXT_PATTERN,
  USER_TAGS,
  WORKER_CATEGORIES,
  type MemberQuery,
  type MembershipStatus,
  type UserTag,
  type WorkerCategory,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { trim } from '../../../common/http/transforms';

export class MemberQueryDto extends PageQuery implements MemberQuery {
  @ApiPropertyOptional({ description: '姓名中的字，或完整的 11 位手机号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 20)
  @Matches(PLAIN_TEXT_PATTERN)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orgId?: number;

  @ApiPropertyOptional({ enum: USER_TAGS })
  @IsOptional()
  @IsIn(USER_TAGS)
  tag?: UserTag;

  @ApiPropertyOptional({ enum: WORKER_CATEGORIES })
  @IsOptional()
  @IsIn(WORKER_CATEGORIES)
  category?: WorkerCategory;

  @ApiPropertyOptional({ enum: MEMBERSHIP_STATUSES })
  @IsOptional()
  @IsIn(MEMBERSHIP_STATUSES)
  membership?: MembershipStatus;
}
