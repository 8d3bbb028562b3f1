import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AID_STATUSES, PLAIN_TEXT_PATTERN, type AidStatus, type AidStatusBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class ChangeAidStatusDto implements AidStatusBody {
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
