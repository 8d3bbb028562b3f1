import { ApiProperty } from '@nestjs/swagger';
import { type BindPhoneBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';
import { WECHAT_CODE_PATTERN } from '../../wechat/wechat-code';

export class BindPhoneDto implements BindPhoneBody {
  @ApiProperty({ description: 'getPhoneNumber 按钮返回的 code' })
  @IsString()
  @Length(1, 128)
  @Matches(WECHAT_CODE_PATTERN)
  code!: string;
}
