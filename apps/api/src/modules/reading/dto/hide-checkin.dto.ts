import { ApiProperty } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, type HideCheckinBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class HideCheckinDto implements HideCheckinBody {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  @Matches(PLAIN_TEXT_PATTERN)
  reason!: string;
}
