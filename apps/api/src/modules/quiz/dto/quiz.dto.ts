import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  DATETIME_MAX_LENGTH,
  MAX_ID,
  OPTION_KEYS,
  PLAIN_TEXT_PATTERN,
  QUESTION_TYPES,
  type CampaignBody,
  type CreateBankBody,
  type DrawRule,
  type OptionKey,
  type PracticeBody,
  type QuestionBody,
  type QuestionOption,
  type QuestionType,
  type SubmitAnswer,
  type SubmitAttemptBody,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
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
import { PATCH } from '../../../common/http/patch';

export class CreateBankDto implements CreateBankBody {
  @ApiProperty({ example: '工会法知识题库' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  name!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  ownerOrgId!: number;
}

export class QuestionOptionDto implements QuestionOption {
  @ApiProperty({ enum: OPTION_KEYS })
  @IsIn(OPTION_KEYS)
  key!: OptionKey;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 300)
  @Matches(PLAIN_TEXT_PATTERN)
  text!: string;
}

export class QuestionDto implements QuestionBody {
  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 1000)
  @Matches(PLAIN_TEXT_PATTERN)
  stem!: string;

  @ApiProperty({ type: [QuestionOptionDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(6)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options!: QuestionOptionDto[];

  @ApiProperty({ enum: OPTION_KEYS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(OPTION_KEYS, { each: true })
  answer!: OptionKey[];

  @ApiProperty()
  @IsString()
  @Length(0, 2000)
  @Matches(PLAIN_TEXT_PATTERN)
  explanation!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  @Matches(PLAIN_TEXT_PATTERN, { each: true })
  tags!: string[];

  @ApiProperty({ minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  difficulty!: number;
}

export class DrawRuleDto implements DrawRule {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  bankId!: number;

  @ApiProperty({ enum: QUESTION_TYPES })
  @IsIn(QUESTION_TYPES)
  type!: QuestionType;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(100)
  count!: number;
}

export class CampaignDto implements CampaignBody {
  @ApiProperty({ example: '一起向未来 助力添“京”彩' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @MaxLength(500)
  @IsUrl({ require_tld: false })
  coverUrl?: string | null;

  @ApiProperty()
  @IsString()
  @Length(0, 5000)
  @Matches(PLAIN_TEXT_PATTERN)
  rules!: string;

  @ApiProperty()
  @MaxLength(DATETIME_MAX_LENGTH)
  @IsISO8601({ strict: true })
  startsAt!: string;

  @ApiProperty()
  @MaxLength(DATETIME_MAX_LENGTH)
  @IsISO8601({ strict: true })
  endsAt!: string;

  @ApiProperty({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  audienceOrgId!: number | null;

  @ApiProperty()
  @IsBoolean()
  membersOnly!: boolean;

  @ApiProperty({ type: [DrawRuleDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => DrawRuleDto)
  draw!: DrawRuleDto[];

  @ApiProperty()
  @IsBoolean()
  shuffleOptions!: boolean;

  @ApiProperty({ minimum: 10, maximum: 7200 })
  @IsInt()
  @Min(10)
  @Max(7200)
  secondsPerAttempt!: number;

  @ApiProperty({ minimum: 1, maximum: 50 })
  @IsInt()
  @Min(1)
  @Max(50)
  attemptsPerDay!: number;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  passScore!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  ownerOrgId!: number;
}

export class UpdateCampaignDto extends PartialType(OmitType(CampaignDto, ['ownerOrgId'] as const), PATCH) {}

export class SubmitAnswerDto implements SubmitAnswer {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  questionId!: number;

  @ApiProperty({ enum: OPTION_KEYS, isArray: true })
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(OPTION_KEYS, { each: true })
  choice!: OptionKey[];
}

export class SubmitAttemptDto implements SubmitAttemptBody {
  @ApiProperty({ type: [SubmitAnswerDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SubmitAnswerDto)
  answers!: SubmitAnswerDto[];
}

export class PracticeDto implements PracticeBody {
  @ApiProperty({ enum: OPTION_KEYS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(OPTION_KEYS, { each: true })
  choice!: OptionKey[];
}
