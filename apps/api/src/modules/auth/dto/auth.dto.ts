import { ApiProperty } from '@nestjs/swagger';
import type { DevLoginBody, RefreshBody, WechatLoginBody } from '@jingcai/shared';
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
