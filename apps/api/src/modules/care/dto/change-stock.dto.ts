import { ApiProperty } from '@nestjs/swagger';
import { type StockChangeBody } from '@jingcai/shared';
import { IsInt, Max, Min, NotEquals } from 'class-validator';
import { MAX_STOCK } from './create-benefit.dto';

export class ChangeStockDto implements StockChangeBody {
  @ApiProperty({ description: '正数补充，负数减少' })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  delta!: number;
}
