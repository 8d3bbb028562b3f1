import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export class QrCodeQueryDto {
  @ApiPropertyOptional({ enum: ['weapp', 'h5'], description: 'h5 时返回普通二维码' })
  @IsOptional()
  @IsIn(['weapp', 'h5'])
  platform?: 'weapp' | 'h5';
}
