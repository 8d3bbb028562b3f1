import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, type BookBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUrl, Length, Matches, ValidateIf } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class CreateBookDto implements BookBody {
  @ApiProperty({ example: '平凡的世界' })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty({ example: '路遥' })
  @Transform(trim)
  @IsString()
  @Length(1, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  author!: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUrl({ require_tld: false })
  @Length(1, 500)
  coverUrl?: string | null;

  @ApiProperty()
  @IsString()
  @Length(0, 1000)
  @Matches(PLAIN_TEXT_PATTERN)
  blurb!: string;
}
