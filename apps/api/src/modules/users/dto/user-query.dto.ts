import { ApiProperty } from '@nestjs/swagger';
import { PHONE_PATTERN } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';

export class UserQueryDto {
  @ApiProperty({ description: '完整手机号（按加密哈希精确查找）' })
  @IsString()
  @Length(11, 11)
  @Matches(PHONE_PATTERN)
  phone!: string;
}
