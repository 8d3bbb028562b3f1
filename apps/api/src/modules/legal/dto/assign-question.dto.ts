import { ApiProperty } from '@nestjs/swagger';
import { MAX_ID, type AssignBody } from '@jingcai/shared';
import { IsInt, Max, Min } from 'class-validator';

export class AssignQuestionDto implements AssignBody {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  userId!: number;
}
