import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHECKIN_MAX_MINUTES,
  CHECKIN_MAX_PHOTOS,
  MAX_ID,
  NOTE_MAX_LENGTH,
  PLAIN_TEXT_PATTERN,
  type CheckinBody,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';
import { DAY_PATTERN, DAY_MESSAGE } from './day';

export class CreateCheckinDto implements CheckinBody {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  bookId!: number;

  @ApiProperty({ minimum: 1, maximum: CHECKIN_MAX_MINUTES })
  @IsInt()
  @Min(1)
  @Max(CHECKIN_MAX_MINUTES)
  minutes!: number;

  @ApiProperty({ maxLength: NOTE_MAX_LENGTH })
  @Transform(trim)
  @IsString()
  @Length(1, NOTE_MAX_LENGTH)
  @Matches(PLAIN_TEXT_PATTERN)
  note!: string;

  @ApiPropertyOptional({ type: [String], maxItems: CHECKIN_MAX_PHOTOS })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHECKIN_MAX_PHOTOS)
  @IsString({ each: true })
  @Length(10, 32, { each: true })
  @Matches(UPLOAD_ID_PATTERN, { each: true })
  photoIds?: string[];

  @ApiPropertyOptional({ example: '2026-05-01', description: '补卡的日期；不填为今天' })
  @IsOptional()
  @MaxLength(10)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  date?: string;
}
