import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_MAX_PHOTOS,
  FEEDBACK_TEXT_MAX,
  FEEDBACK_TEXT_MIN,
  PLAIN_TEXT_PATTERN,
  type CreateFeedbackBody,
  type FeedbackCategory,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';

export class CreateFeedbackDto implements CreateFeedbackBody {
  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  @IsIn(FEEDBACK_CATEGORIES)
  category!: FeedbackCategory;

  @ApiProperty({ example: '服务站的饮水机坏了一周了，希望尽快修好' })
  @Transform(trim)
  @IsString()
  @Length(FEEDBACK_TEXT_MIN, FEEDBACK_TEXT_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  text!: string;

  /** Uploads of purpose feedback_photo, by id. */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(FEEDBACK_MAX_PHOTOS)
  @IsString({ each: true })
  @Length(10, 32, { each: true })
  @Matches(UPLOAD_ID_PATTERN, { each: true })
  photoIds?: string[];

  @ApiProperty({ description: '是否希望工作人员联系本人' })
  @IsBoolean()
  wantsContact!: boolean;
}
