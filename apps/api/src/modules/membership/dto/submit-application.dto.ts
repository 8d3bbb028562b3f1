import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_ID,
  ORG_NOT_LISTED_MAX_LENGTH,
  PHONE_PATTERN,
  PLAIN_TEXT_PATTERN,
  PLATFORM_MAX_LENGTH,
  REAL_NAME_MAX_LENGTH,
  REAL_NAME_MIN_LENGTH,
  REAL_NAME_PATTERN,
  WORKER_CATEGORIES,
  type SubmitApplicationBody,
  type WorkerCategory,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';

export class SubmitApplicationDto implements SubmitApplicationBody {
  @ApiProperty({ example: '孙磊' })
  @Transform(trim)
  @IsString()
  @Length(REAL_NAME_MIN_LENGTH, REAL_NAME_MAX_LENGTH)
  @Matches(REAL_NAME_PATTERN)
  realName!: string;

  @ApiProperty({ example: '13812345678' })
  @Transform(trim)
  @IsString()
  @Length(11, 11)
  @Matches(PHONE_PATTERN)
  phone!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orgId?: number;

  @ApiPropertyOptional({ description: '单位不在列表中时填写单位名称' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, ORG_NOT_LISTED_MAX_LENGTH)
  @Matches(PLAIN_TEXT_PATTERN)
  orgNotListed?: string;

  @ApiProperty({ enum: WORKER_CATEGORIES })
  @IsIn(WORKER_CATEGORIES)
  category!: WorkerCategory;

  @ApiPropertyOptional({ example: '美团' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, PLATFORM_MAX_LENGTH)
  @Matches(PLAIN_TEXT_PATTERN)
  platform?: string;

  @ApiPropertyOptional({ description: '上传接口返回的图片 id' })
  @IsOptional()
  @IsString()
  @Length(10, 32)
  @Matches(UPLOAD_ID_PATTERN)
  proofPhotoId?: string;
}
