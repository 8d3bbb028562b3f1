import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  PLAIN_TEXT_PATTERN,
  WISH_HAND_OVER_PLACE_MAX,
  WISH_STORY_MAX,
  WISH_STORY_MIN,
  WISH_TITLE_MAX,
  WISH_TITLE_MIN,
  type HandOverKind,
  type PublishWishRequest,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { Omittable } from '../../../common/http/patch';
import { trim } from '../../../common/http/transforms';

const HAND_OVER_KINDS: HandOverKind[] = ['union_office', 'station'];

export class PublishWishDto implements PublishWishRequest {
  @ApiPropertyOptional({ description: '心愿墙上显示的标题；不填则用原标题' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(WISH_TITLE_MIN, WISH_TITLE_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  title?: string;

  @ApiPropertyOptional({ description: '心愿墙上显示的故事（去掉可识别身份的内容）；不填则用原文' })
  @Omittable()
  @Transform(trim)
  @IsString()
  @Length(WISH_STORY_MIN, WISH_STORY_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  story?: string;

  @ApiProperty({ enum: HAND_OVER_KINDS })
  @IsIn(HAND_OVER_KINDS)
  handOverKind!: HandOverKind;

  @ApiProperty({ example: '大市口街道工会办公室（解放路 1 号，工作日 9:00–17:00）' })
  @Transform(trim)
  @IsString()
  @Length(4, WISH_HAND_OVER_PLACE_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  handOverPlace!: string;
}
