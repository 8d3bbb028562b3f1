import { ApiProperty } from '@nestjs/swagger';
import { OPTION_KEYS, type OptionKey, type PracticeBody } from '@jingcai/shared';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn } from 'class-validator';

export class SubmitPracticeDto implements PracticeBody {
  @ApiProperty({ enum: OPTION_KEYS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(OPTION_KEYS, { each: true })
  choice!: OptionKey[];
}
