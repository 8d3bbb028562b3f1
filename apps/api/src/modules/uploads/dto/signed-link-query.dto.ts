import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

/**
 * The query of a signed link (an upload's content, a reading poster): what an <Image> can carry instead of
 * a token. Both optional on purpose: a missing or wrong signature is answered like an unknown id (404), so
 * the route tells a stranger nothing. Only a malformed `exp` or a `sig` that is not base64url is a 400.
 */
export class SignedLinkQueryDto {
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
