import { ApiProperty } from '@nestjs/swagger';
import { ConsoleLoginBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';

export class ConsoleLoginDto implements ConsoleLoginBody {
  @ApiProperty({ example: '12345678', description: '小程序「登录管理后台」显示的 8 位数字' })
  @IsString()
  @Length(8, 8)
  @Matches(/^\d{8}$/, { message: '登录码为 8 位数字' })
  code!: string;
}
