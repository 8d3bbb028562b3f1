import { ApiProperty } from '@nestjs/swagger';
import { MAX_ID, PLAIN_TEXT_PATTERN, type CreateBankBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class CreateBankDto implements CreateBankBody {
  @ApiProperty({ example: '工会法知识题库' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  name!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  ownerOrgId!: number;
}
