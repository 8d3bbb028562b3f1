import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import {
  AMENITIES,
  BENEFIT_KINDS,
  DATETIME_MAX_LENGTH,
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  USER_TAGS,
  WORKER_CATEGORIES,
  type Amenity,
  type BenefitBody,
  type BenefitKind,
  type ClaimBody,
  type Eligibility,
  type RedeemBody,
  type StationBody,
  type StationQuery,
  type StockChangeBody,
  type UpdateBenefitBody,
  type UserTag,
  type WorkerCategory,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  NotEquals,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { trim } from '../../../common/http/transforms';
import { PATCH } from '../../../common/http/patch';

const MAX_STOCK = 1_000_000;

export class StationQueryDto extends PageQuery implements StationQuery {
  @ApiPropertyOptional({ description: '当前位置纬度' })
  @IsOptional()
  @Type(() => Number)
  @IsLatitude()
  lat?: number;

  @ApiPropertyOptional({ description: '当前位置经度' })
  @IsOptional()
  @Type(() => Number)
  @IsLongitude()
  lng?: number;
}

export class StationDto implements StationBody {
  @ApiProperty({ example: '大市口户外劳动者服务站' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  name!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, 120)
  @Matches(PLAIN_TEXT_PATTERN)
  address!: string;

  @ApiProperty()
  @IsNumber()
  @IsLatitude()
  latitude!: number;

  @ApiProperty()
  @IsNumber()
  @IsLongitude()
  longitude!: number;

  @ApiProperty({ example: '08:00-20:00' })
  @Transform(trim)
  @IsString()
  @Length(2, 64)
  @Matches(PLAIN_TEXT_PATTERN)
  hours!: string;

  @ApiProperty({ enum: AMENITIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(AMENITIES.length)
  @IsIn(AMENITIES, { each: true })
  amenities!: Amenity[];

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orgId!: number;
}

export class UpdateStationDto extends PartialType(StationDto, PATCH) {}

export class EligibilityDto implements Eligibility {
  @ApiProperty({ enum: WORKER_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(WORKER_CATEGORIES.length)
  @IsIn(WORKER_CATEGORIES, { each: true })
  categories!: WorkerCategory[];

  @ApiProperty()
  @IsBoolean()
  gigVerifiedRequired!: boolean;

  @ApiProperty({ enum: USER_TAGS, isArray: true })
  @IsArray()
  @ArrayMaxSize(USER_TAGS.length)
  @IsIn(USER_TAGS, { each: true })
  tags!: UserTag[];

  @ApiProperty()
  @IsBoolean()
  membersOnly!: boolean;

  @ApiProperty({ nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  orgId!: number | null;
}

export class BenefitDto implements BenefitBody {
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

  @ApiProperty()
  @MaxLength(DATETIME_MAX_LENGTH)
  @IsISO8601({ strict: true })
  claimStartsAt!: string;

  @ApiProperty()
  @MaxLength(DATETIME_MAX_LENGTH)
  @IsISO8601({ strict: true })
  claimEndsAt!: string;

  @ApiProperty()
  @MaxLength(DATETIME_MAX_LENGTH)
  @IsISO8601({ strict: true })
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

export class UpdateBenefitDto
  extends PartialType(OmitType(BenefitDto, ['stock', 'ownerOrgId'] as const), PATCH)
  implements UpdateBenefitBody {}

export class StockChangeDto implements StockChangeBody {
  @ApiProperty({ description: '正数补充，负数减少' })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_STOCK)
  @Max(MAX_STOCK)
  delta!: number;
}

export class ClaimDto implements ClaimBody {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  stationId!: number;
}

export class RedeemDto implements RedeemBody {
  @ApiProperty({ example: 'K7M2Q9XZ' })
  @IsString()
  @Length(4, 20)
  // Typed by staff (spaces, dashes and case are forgiven); a code of the wrong shape is "not found".
  @Matches(PLAIN_TEXT_PATTERN)
  code!: string;
}

export class QrCodeQuery {
  @ApiPropertyOptional({ enum: ['weapp', 'h5'], description: 'h5 时返回普通二维码' })
  @IsOptional()
  @IsIn(['weapp', 'h5'])
  platform?: 'weapp' | 'h5';
}
