import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UPLOAD_PURPOSES, type UploadPurpose } from '@jingcai/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/** Upload ids are 22 base64url characters today; the column allows up to 32. */
export const UPLOAD_ID_PATTERN = /^[A-Za-z0-9_-]{10,32}$/;

/** The text fields of the multipart form (the `file` part is read separately). */
export class UploadFieldsDto {
  @IsIn(UPLOAD_PURPOSES)
  purpose!: UploadPurpose;
}

export class UploadIdParams {
  @ApiProperty()
  @MaxLength(32)
  @Matches(UPLOAD_ID_PATTERN)
  id!: string;
}

/**
 * The query of a signed link (an upload's content, a reading poster): what an <Image> can carry instead of
 * a token. Both optional on purpose: a missing or wrong signature is answered like an unknown id (404), so
 * the route tells a stranger nothing. Only a malformed `exp` or a `sig` that is not base64url is a 400.
 */
export class SignedLinkQuery {
  @ApiPropertyOptional({ description: '链接过期时间（Unix 秒）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // Far beyond any link's life; bounds what is hashed and compared.
  @Max(99_999_999_999)
  exp?: number;

  @ApiPropertyOptional({ description: '链接签名（base64url）' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  @Matches(/^[A-Za-z0-9_-]*$/)
  sig?: string;
}
