import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  QUESTION_TYPES,
  type CampaignBody,
  type DrawRule,
  type QuestionType,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
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
import { DateTimeField } from '../../../common/http/date-time-field';
import { trim } from '../../../common/http/transforms';

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

export class CreateCampaignDto implements CampaignBody {
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

  @DateTimeField()
  startsAt!: string;

  @DateTimeField()
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

  /** `null`: no time limit (MIIT 适老化: no limit where one is not essential). In a PATCH, leaving it out keeps it. */
  @ApiProperty({ minimum: 10, maximum: 7200, nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(10)
  @Max(7200)
  secondsPerAttempt!: number | null;

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
