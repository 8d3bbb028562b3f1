import { ApiProperty } from '@nestjs/swagger';
import {
  OPTION_KEYS,
  PLAIN_TEXT_PATTERN,
  QUESTION_TYPES,
  type OptionKey,
  type QuestionBody,
  type QuestionOption,
  type QuestionType,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';

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

export class CreateQuestionDto implements QuestionBody {
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
