import { ApiProperty } from '@nestjs/swagger';
import {
  MAX_ID,
  OPTION_KEYS,
  type OptionKey,
  type SubmitAnswer,
  type SubmitAttemptBody,
} from '@jingcai/shared';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';

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
