import { ApiPropertyOptional } from '@nestjs/swagger';
import { ASSISTANCE_NOTE_MAX, PLAIN_TEXT_PATTERN } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

/** Staff's internal note on a register entry (stored encrypted). */
export class RegisterNoteField {
  @ApiPropertyOptional({ example: '因病致困，每年春节前慰问。' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, ASSISTANCE_NOTE_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  note?: string;
}
