import { ApiProperty } from '@nestjs/swagger';
import { MAX_ID } from '@jingcai/shared';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class AssigneeQueryDto {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  questionId!: number;
}
