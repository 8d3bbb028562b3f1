import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  CHECKIN_MAX_MINUTES,
  CHECKIN_MAX_PHOTOS,
  MAX_ID,
  NOTE_MAX_LENGTH,
  PLAIN_TEXT_PATTERN,
  type BookBody,
  type CheckinBody,
  type HideCheckinBody,
  type SeasonBody,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/dto/upload.dto';
import { PATCH } from '../../../common/http/patch';

const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAY_MESSAGE = '日期格式应为 YYYY-MM-DD';

export class BookDto implements BookBody {
  @ApiProperty({ example: '平凡的世界' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty({ example: '路遥' })
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  author!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ require_tld: false })
  @Length(1, 500)
  coverUrl?: string | null;

  @ApiProperty()
  @IsString()
  @Length(0, 1000)
  @Matches(PLAIN_TEXT_PATTERN)
  blurb!: string;
}

export class SeasonDto implements SeasonBody {
  @ApiProperty({ example: '阅读新时代 建功新征程' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  theme!: string;

  @ApiProperty()
  @IsString()
  @Length(0, 5000)
  @Matches(PLAIN_TEXT_PATTERN)
  description!: string;

  @ApiProperty({ example: '2026-04-23' })
  @MaxLength(10)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  startsOn!: string;

  @ApiProperty({ example: '2026-06-30' })
  @MaxLength(10)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  endsOn!: string;

  @ApiProperty({ type: [BookDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BookDto)
  books!: BookDto[];

  @ApiProperty({ minimum: 0, maximum: 500 })
  @IsInt()
  @Min(0)
  @Max(500)
  minNoteLength!: number;

  @ApiProperty({ minimum: 0, maximum: 30 })
  @IsInt()
  @Min(0)
  @Max(30)
  makeUpAllowance!: number;

  @ApiProperty({ type: [Number], example: [7, 21, 50] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(366, { each: true })
  badgeThresholds!: number[];

  @ApiProperty({ nullable: true, type: Number })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  audienceOrgId!: number | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  ownerOrgId!: number;
}

export class SeasonPatchDto extends PartialType(
  OmitType(SeasonDto, ['books', 'ownerOrgId'] as const),
  PATCH,
) {}

export class CheckinDto implements CheckinBody {
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

export class HideCheckinDto implements HideCheckinBody {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  @Matches(PLAIN_TEXT_PATTERN)
  reason!: string;
}

export class FeedQuery {
  @ApiPropertyOptional({ description: '上一页返回的 nextCursor' })
  @IsOptional()
  @MaxLength(10)
  @Matches(/^\d{1,10}$/, { message: '游标无效' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 20;
}
