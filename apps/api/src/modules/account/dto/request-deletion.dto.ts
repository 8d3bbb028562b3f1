import { ApiProperty } from '@nestjs/swagger';
import { DELETION_CONFIRMATION, type RequestDeletionBody } from '@jingcai/shared';
import { IsString, MaxLength } from 'class-validator';

export class RequestDeletionDto implements RequestDeletionBody {
  @ApiProperty({ example: DELETION_CONFIRMATION, description: `必须是「${DELETION_CONFIRMATION}」` })
  @IsString()
  @MaxLength(20)
  confirmation!: string;
}
