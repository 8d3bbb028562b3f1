import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  REAL_NAME_MAX_LENGTH,
  REAL_NAME_MIN_LENGTH,
  REAL_NAME_PATTERN,
  WORKER_CATEGORIES,
  type UpdateMeBody,
  type WorkerCategory,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsString, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Omittable } from '../../../common/http/patch';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';

export class UpdateMeDto implements UpdateMeBody {
  @ApiPropertyOptional({ example: '张三' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(REAL_NAME_MIN_LENGTH, REAL_NAME_MAX_LENGTH)
  @Matches(REAL_NAME_PATTERN)
  realName?: string;

  @ApiPropertyOptional({
    nullable: true,
    description: '申请变更所在组织（经该组织工作人员审核后生效）；null 或当前组织表示撤回待审核的申请',
  })
  @Omittable()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orgId?: number | null;

  @ApiPropertyOptional({ enum: WORKER_CATEGORIES })
  @Omittable()
  @IsIn(WORKER_CATEGORIES)
  category?: WorkerCategory;

  @ApiPropertyOptional({ description: '18 位居民身份证号码' })
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString()
  @Length(18, 18)
  @Matches(/^\d{17}[\dX]$/)
  idNumber?: string;

  @ApiPropertyOptional()
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(1, 32)
  @Matches(PLAIN_TEXT_PATTERN)
  nickname?: string;

  @ApiPropertyOptional({ description: '上传接口返回的头像图片 id（用途 avatar）' })
  @Omittable()
  @IsString()
  @Length(10, 32)
  @Matches(UPLOAD_ID_PATTERN)
  avatarId?: string;

  @ApiPropertyOptional({ description: '长辈模式：大字、大按钮，限时答题时间延长' })
  @Omittable()
  @IsBoolean()
  careMode?: boolean;
}
