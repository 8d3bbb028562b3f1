import { ApiProperty } from '@nestjs/swagger';
import { MAX_ID, type ClaimBody } from '@jingcai/shared';
import { IsInt, Max, Min } from 'class-validator';

export class CreateClaimDto implements ClaimBody {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  stationId!: number;
}
