import { ApiProperty } from '@nestjs/swagger';
import { DevLoginBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';

export class DevLoginDto implements DevLoginBody {
  @ApiProperty({ example: 'demo-worker' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[\w-]+$/)
  openid!: string;
}
