import { ApiProperty } from '@nestjs/swagger';
import {
  ASSISTANCE_REASON_MAX,
  ASSISTANCE_REASON_MIN,
  PLAIN_TEXT_PATTERN,
  type ReturnRequest,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

/** Why it goes back to the worker: shown to them. Also the reason a wish is not published. */
export class ReturnApplicationDto implements ReturnRequest {
  @ApiProperty({ example: '请补充孩子的在读证明。' })
  @Transform(trim)
  @IsString()
  @Length(ASSISTANCE_REASON_MIN, ASSISTANCE_REASON_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  reason!: string;
}
