import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ConfirmWishRequest } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';
import { Omittable } from '../../../common/http/patch';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';

export class ConfirmWishDto implements ConfirmWishRequest {
  @ApiPropertyOptional({ description: '交接照片（用途 assistance_photo），仅存档，不公开' })
  @Omittable()
  @IsString()
  @Length(10, 32)
  @Matches(UPLOAD_ID_PATTERN)
  photoUploadId?: string;
}
