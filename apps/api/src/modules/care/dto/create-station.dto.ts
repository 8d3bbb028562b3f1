import { ApiProperty } from '@nestjs/swagger';
import { AMENITIES, MAX_ID, PLAIN_TEXT_PATTERN, type Amenity, type StationBody } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class CreateStationDto implements StationBody {
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
