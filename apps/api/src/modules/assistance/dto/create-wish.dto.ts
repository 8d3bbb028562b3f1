import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  WISH_AMOUNT_MAX_YUAN,
  WISH_STORY_MAX,
  WISH_STORY_MIN,
  WISH_TITLE_MAX,
  WISH_TITLE_MIN,
  type CreateWishRequest,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class CreateWishDto implements CreateWishRequest {
  @ApiProperty({ example: '给孩子一个新书包' })
  @Transform(trim)
  @IsString()
  @Length(WISH_TITLE_MIN, WISH_TITLE_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty({ example: '孩子今年上三年级，书包背了四年已经破了，想要一个结实的新书包。' })
  @Transform(trim)
  @IsString()
  @Length(WISH_STORY_MIN, WISH_STORY_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  story!: string;

  @ApiProperty({
    minimum: 1,
    maximum: WISH_AMOUNT_MAX_YUAN,
    description: '心愿金额（元，整数），不超过 500 元',
  })
  @IsInt()
  @Min(1)
  @Max(WISH_AMOUNT_MAX_YUAN)
  amountYuan!: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ID, description: '工作人员代已建档职工填写' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  forUserId?: number;
}
