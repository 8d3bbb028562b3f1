import { ApiProperty } from '@nestjs/swagger';
import {
  BENEFIT_KINDS,
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  type BenefitBody,
  type BenefitKind,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateTimeField } from '../../../common/http/date-time-field';
import { trim } from '../../../common/http/transforms';
import { EligibilityDto } from './eligibility.dto';

/** The most packs one benefit holds, and the most one stock change adds or takes. */
export const MAX_STOCK = 1_000_000;

export class CreateBenefitDto implements BenefitBody {
  @ApiProperty({ example: '2026 暖新礼包' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  @Matches(PLAIN_TEXT_PATTERN)
  description!: string;

  @ApiProperty({ enum: BENEFIT_KINDS })
  @IsIn(BENEFIT_KINDS)
  kind!: BenefitKind;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_STOCK)
  stock!: number;

  @ApiProperty({ minimum: 1, default: 1 })
  @IsInt()
  @Min(1)
  @Max(100)
  perPersonLimit!: number;

  @DateTimeField()
  claimStartsAt!: string;

  @DateTimeField()
  claimEndsAt!: string;

  @DateTimeField()
  pickupDeadline!: string;

  @ApiProperty({ type: EligibilityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility!: EligibilityDto;

  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(MAX_ID, { each: true })
  stationIds!: number[];

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  ownerOrgId!: number;
}
