import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  AID_STATUSES,
  LEGAL_CATEGORIES,
  LEGAL_QUESTION_MAX_PHOTOS,
  LEGAL_QUESTION_STATUSES,
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  type AidApplicationBody,
  type AidKind,
  type AidStatus,
  type AidStatusBody,
  type AskBody,
  type AssignBody,
  type CloseQuestionBody,
  type LegalCaseBody,
  type LegalCategory,
  type LegalMessageBody,
  type LegalQuestionStatus,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/dto/upload.dto';
import { PATCH } from '../../../common/http/patch';

const AID_KINDS: readonly AidKind[] = ['aid', 'mediation'];
const AID_MAX_PHOTOS = 9;
/** 20 million yuan: more than any wage claim, and safely inside an int of fen. */
const MAX_AMOUNT_YUAN = 20_000_000;

class PhotosField {
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LEGAL_QUESTION_MAX_PHOTOS)
  @IsString({ each: true })
  @Length(10, 32, { each: true })
  @Matches(UPLOAD_ID_PATTERN, { each: true })
  photoIds?: string[];
}

export class AskDto extends PhotosField implements AskBody {
  @ApiProperty({ enum: LEGAL_CATEGORIES })
  @IsIn(LEGAL_CATEGORIES)
  category!: LegalCategory;

  @ApiProperty({ example: '工地老板拖欠三个月工资怎么办' })
  @Transform(trim)
  @IsString()
  @Length(4, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(10, 3000)
  @Matches(PLAIN_TEXT_PATTERN)
  body!: string;

  @ApiProperty()
  @IsBoolean()
  publicAllowed!: boolean;
}

export class LegalMessageDto extends PhotosField implements LegalMessageBody {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 3000)
  @Matches(PLAIN_TEXT_PATTERN)
  body!: string;
}

export class CloseQuestionDto implements CloseQuestionBody {
  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  rating!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  @Matches(PLAIN_TEXT_PATTERN)
  comment?: string;
}

export class AssignDto implements AssignBody {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  userId!: number;
}

export class InboxQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: LEGAL_QUESTION_STATUSES })
  @IsOptional()
  @IsIn(LEGAL_QUESTION_STATUSES)
  status?: LegalQuestionStatus;

  @ApiPropertyOptional({ enum: LEGAL_CATEGORIES })
  @IsOptional()
  @IsIn(LEGAL_CATEGORIES)
  category?: LegalCategory;

  @ApiPropertyOptional({ description: 'true：只看超期未答复' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class AssigneeQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  questionId!: number;
}

export class LegalCaseDto implements LegalCaseBody {
  @ApiProperty({ example: '外卖骑手被拖欠工资 工会帮助追回' })
  @Transform(trim)
  @IsString()
  @Length(4, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty({ enum: LEGAL_CATEGORIES })
  @IsIn(LEGAL_CATEGORIES)
  category!: LegalCategory;

  @ApiProperty()
  @IsString()
  @Length(10, 10000)
  @Matches(PLAIN_TEXT_PATTERN)
  facts!: string;

  @ApiProperty()
  @IsString()
  @Length(2, 10000)
  @Matches(PLAIN_TEXT_PATTERN)
  outcome!: string;

  @ApiProperty({ example: '《劳动合同法》第三十条' })
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  @Matches(PLAIN_TEXT_PATTERN)
  law!: string;
}

export class LegalCasePatchDto extends PartialType(LegalCaseDto, PATCH) {}

export class CaseQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: LEGAL_CATEGORIES })
  @IsOptional()
  @IsIn(LEGAL_CATEGORIES)
  category?: LegalCategory;

  @ApiPropertyOptional({ description: '标题和正文中的关键词' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 50)
  @Matches(PLAIN_TEXT_PATTERN)
  q?: string;

  @ApiPropertyOptional({ enum: ['draft', 'published'], description: '工作人员可查看草稿' })
  @IsOptional()
  @IsIn(['draft', 'published'])
  status?: 'draft' | 'published';
}

export class AidApplicationDto implements AidApplicationBody {
  @ApiProperty({ enum: AID_KINDS })
  @IsIn(AID_KINDS)
  kind!: AidKind;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(10, 5000)
  @Matches(PLAIN_TEXT_PATTERN)
  facts!: string;

  @ApiProperty({ example: '某某餐饮管理有限公司' })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  employer!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_AMOUNT_YUAN, description: '争议金额（元），最多两位小数' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT_YUAN)
  amountInDispute!: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AID_MAX_PHOTOS)
  @IsString({ each: true })
  @Length(10, 32, { each: true })
  @Matches(UPLOAD_ID_PATTERN, { each: true })
  photoIds?: string[];
}

export class AidStatusDto implements AidStatusBody {
  @ApiProperty({ enum: AID_STATUSES })
  @IsIn(AID_STATUSES)
  status!: AidStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  @Matches(PLAIN_TEXT_PATTERN)
  note?: string;
}

export class AidQueryDto extends PageQuery {
  @ApiPropertyOptional({ enum: AID_STATUSES })
  @IsOptional()
  @IsIn(AID_STATUSES)
  status?: AidStatus;
}
