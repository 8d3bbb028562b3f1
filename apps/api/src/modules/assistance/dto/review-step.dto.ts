import { ApiPropertyOptional } from '@nestjs/swagger';
import { ASSISTANCE_NOTE_MAX, PLAIN_TEXT_PATTERN, type ReviewStepRequest } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class ReviewStepDto implements ReviewStepRequest {
  @ApiPropertyOptional({ description: '内部意见，申请人看不到', example: '情况属实，符合帮扶条件。' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, ASSISTANCE_NOTE_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  note?: string;
}
