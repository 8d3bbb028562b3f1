import { ApiProperty } from '@nestjs/swagger';
import type { RegisterReviewRequest } from '@jingcai/shared';
import { IsBoolean } from 'class-validator';
import { RegisterNoteField } from './register-note';

export class RegisterReviewDto extends RegisterNoteField implements RegisterReviewRequest {
  @ApiProperty({ description: 'false：脱困，移出档案' })
  @IsBoolean()
  stillInHardship!: boolean;
}
