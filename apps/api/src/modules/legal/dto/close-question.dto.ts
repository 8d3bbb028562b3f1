import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, type CloseQuestionBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { trim } from '../../../common/http/transforms';

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
