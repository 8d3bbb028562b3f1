import { ApiProperty } from '@nestjs/swagger';
import {
  ASSISTANCE_GRANT_KINDS,
  ASSISTANCE_GRANT_MAX,
  type AssistanceGrantKind,
  type GrantRequest,
} from '@jingcai/shared';
import { IsIn, IsNumber, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DAY_MESSAGE, DAY_PATTERN } from '../../reading/dto/day';

export class GrantDto implements GrantRequest {
  @ApiProperty({ minimum: 0, maximum: ASSISTANCE_GRANT_MAX, description: '金额（元），最多两位小数' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(ASSISTANCE_GRANT_MAX)
  amount!: number;

  @ApiProperty({ enum: ASSISTANCE_GRANT_KINDS })
  @IsIn(ASSISTANCE_GRANT_KINDS)
  kind!: AssistanceGrantKind;

  @ApiProperty({ example: '2026-12-05', description: '发放日期（北京时间）' })
  @IsString()
  @MaxLength(10)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  date!: string;
}
