import { ApiProperty } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, WISH_DONOR_NAME_MAX, type EnterpriseClaimRequest } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class EnterpriseClaimDto implements EnterpriseClaimRequest {
  @ApiProperty({ description: '爱心企业名称', example: '京口区某某物流有限公司' })
  @Transform(trim)
  @IsString()
  @Length(2, WISH_DONOR_NAME_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  enterpriseName!: string;
}
