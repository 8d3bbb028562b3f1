import { ApiProperty } from '@nestjs/swagger';
import type { ConsoleLoginBody, DevLoginBody, RefreshBody, WechatLoginBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';
import { WECHAT_CODE_PATTERN } from '../../wechat/wechat-code';

export class WechatLoginDto implements WechatLoginBody {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString()
  @Length(1, 128)
  @Matches(WECHAT_CODE_PATTERN)
  code!: string;
}

export class DevLoginDto implements DevLoginBody {
  @ApiProperty({ example: 'demo-worker' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[\w-]+$/)
  openid!: string;
}

export class RefreshDto implements RefreshBody {
  @ApiProperty()
  @IsString()
  @Length(20, 128)
  // Issued as base64url (older sessions: hex).
  @Matches(/^[A-Za-z0-9_-]+$/)
  refreshToken!: string;
}

export class ConsoleLoginDto implements ConsoleLoginBody {
  @ApiProperty({ example: '12345678', description: '小程序「登录管理后台」显示的 8 位数字' })
  @IsString()
  @Length(8, 8)
  @Matches(/^\d{8}$/, { message: '登录码为 8 位数字' })
  code!: string;
}
