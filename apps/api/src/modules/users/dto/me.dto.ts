import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REAL_NAME_MAX_LENGTH,
  REAL_NAME_MIN_LENGTH,
  REAL_NAME_PATTERN,
  WORKER_CATEGORIES,
  type BindPhoneBody,
  type ConsentBody,
  type UpdateMeBody,
  type WorkerCategory,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateIf } from 'class-validator';
import { trim } from '../../../common/http/transforms';


export class UpdateMeDto implements UpdateMeBody {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(REAL_NAME_MIN_LENGTH, REAL_NAME_MAX_LENGTH)
  @Matches(REAL_NAME_PATTERN)
  realName?: string;

  @ApiPropertyOptional({ nullable: true, description: '所在组织；null 表示清除' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  orgId?: number | null;

  @ApiPropertyOptional({ enum: WORKER_CATEGORIES })
  @IsOptional()
  @IsIn(WORKER_CATEGORIES)
  category?: WorkerCategory;

  @ApiPropertyOptional({ description: '18 位居民身份证号码' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString()
  @Matches(/^\d{17}[\dX]$/)
  idNumber?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 32)
  nickname?: string;

  @ApiPropertyOptional({ description: '上传接口返回的头像图片 id（用途 avatar）' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{10,32}$/)
  avatarId?: string;
}

export class ConsentDto implements ConsentBody {
  @ApiProperty({ description: '同意的隐私政策版本' })
  @IsString()
  @Length(1, 32)
  version!: string;
}

export class BindPhoneDto implements BindPhoneBody {
  @ApiProperty({ description: 'getPhoneNumber 按钮返回的 code' })
  @IsString()
  @Length(1, 128)
  code!: string;
}
