import { ApiProperty } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, REJECT_REASON_MAX_LENGTH, type RejectApplicationBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class RejectApplicationDto implements RejectApplicationBody {
  @ApiProperty({ example: '所填单位与证明材料不一致' })
  @Transform(trim)
  @IsString()
  @Length(2, REJECT_REASON_MAX_LENGTH)
  @Matches(PLAIN_TEXT_PATTERN)
  reason!: string;
}
