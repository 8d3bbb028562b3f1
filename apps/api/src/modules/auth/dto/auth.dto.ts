import { ApiProperty } from '@nestjs/swagger';
import type { ConsoleLoginBody, DevLoginBody, RefreshBody, WechatLoginBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';

export class WechatLoginDto implements WechatLoginBody {
  @ApiProperty({ description: 'wx.login() 返回的 code' })
  @IsString()
  @Length(1, 128)
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
  refreshToken!: string;
}

export class ConsoleLoginDto implements ConsoleLoginBody {
  @ApiProperty({ example: '12345678', description: '小程序「登录管理后台」显示的 8 位数字' })
  @IsString()
  @Matches(/^\d{8}$/, { message: '登录码为 8 位数字' })
  code!: string;
}
