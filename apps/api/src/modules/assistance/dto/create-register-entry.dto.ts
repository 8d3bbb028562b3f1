import { ApiProperty } from '@nestjs/swagger';
import { MAX_ID, type CreateRegisterEntryRequest } from '@jingcai/shared';
import { IsInt, Max, Min } from 'class-validator';
import { RegisterNoteField } from './register-note';

export class CreateRegisterEntryDto extends RegisterNoteField implements CreateRegisterEntryRequest {
  @ApiProperty({ minimum: 1, maximum: MAX_ID, description: '建档的职工' })
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  userId!: number;
}
