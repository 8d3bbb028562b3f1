import { ApiProperty } from '@nestjs/swagger';
import { WechatLoginBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';
import { WECHAT_CODE_PATTERN } from '../../wechat/wechat-code';

export class WechatLoginDto implements WechatLoginBody {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString()
  @Length(1, 128)
  @Matches(WECHAT_CODE_PATTERN)
  code!: string;
}
