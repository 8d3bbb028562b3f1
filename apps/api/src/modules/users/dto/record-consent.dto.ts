import { ApiProperty } from '@nestjs/swagger';
import { type ConsentBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';

export class RecordConsentDto implements ConsentBody {
  @ApiProperty({ description: '同意的隐私政策版本' })
  @IsString()
  @Length(1, 32)
  @Matches(/^[\w.-]+$/)
  version!: string;
}
