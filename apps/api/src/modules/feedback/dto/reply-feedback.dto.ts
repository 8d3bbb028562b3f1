import { ApiProperty } from '@nestjs/swagger';
import { FEEDBACK_REPLY_MAX, PLAIN_TEXT_PATTERN, type ReplyFeedbackBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class ReplyFeedbackDto implements ReplyFeedbackBody {
  @ApiProperty({ example: '感谢反馈，饮水机已于今天修好。' })
  @Transform(trim)
  @IsString()
  @Length(2, FEEDBACK_REPLY_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  text!: string;
}
