import { ApiPropertyOptional } from '@nestjs/swagger';
import type { MarkReadBody } from '@jingcai/shared';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsOptional, Min } from 'class-validator';

export class MarkReadDto implements MarkReadBody {
  @ApiPropertyOptional({ type: [Number], description: '不传则全部标为已读' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(1, { each: true })
  ids?: number[];
}
