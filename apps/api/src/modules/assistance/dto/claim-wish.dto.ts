import { ApiPropertyOptional } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, WISH_DONOR_NAME_MAX, type ClaimWishRequest } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { Omittable } from '../../../common/http/patch';
import { trim } from '../../../common/http/transforms';

export class ClaimWishDto implements ClaimWishRequest {
  @ApiPropertyOptional({
    description: '工作人员登记的爱心企业名称；职工本人认领时不填',
    example: '京口区某某物流有限公司',
  })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(2, WISH_DONOR_NAME_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  enterpriseName?: string;
}
