import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ID, type MarkReadBody } from '@jingcai/shared';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';

export class MarkReadDto implements MarkReadBody {
  @ApiPropertyOptional({ type: [Number], description: '不传则全部标为已读' })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  ids?: number[];
}
