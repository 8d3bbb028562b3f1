import { ApiProperty } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, type RedeemBody } from '@jingcai/shared';
import { IsString, Length, Matches } from 'class-validator';

export class CreateRedemptionDto implements RedeemBody {
  @ApiProperty({ example: 'K7M2Q9XZ' })
  @IsString()
  @Length(4, 20)
  // Typed by staff (spaces, dashes and case are forgiven); a code of the wrong shape is "not found".
  @Matches(PLAIN_TEXT_PATTERN)
  code!: string;
}
