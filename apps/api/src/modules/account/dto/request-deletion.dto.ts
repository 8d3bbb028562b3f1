import { ApiProperty } from '@nestjs/swagger';
import { DELETION_CONFIRMATION, type RequestDeletionBody } from '@jingcai/shared';
import { IsIn } from 'class-validator';

export class RequestDeletionDto implements RequestDeletionBody {
  @ApiProperty({ enum: [DELETION_CONFIRMATION], description: `必须是「${DELETION_CONFIRMATION}」` })
  @IsIn([DELETION_CONFIRMATION], { message: `请输入「${DELETION_CONFIRMATION}」确认注销` })
  confirmation!: string;
}
