import { ApiProperty } from '@nestjs/swagger';
import {
  ALLOCATIONS,
  EVENT_KINDS,
  EVENT_LIMITS,
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  type Allocation,
  type CreateEventRequest,
  type EventKind,
  type SessionInput,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DateTimeField } from '../../../common/http/date-time-field';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';
import { EligibilityDto } from '../../care/dto/eligibility.dto';
import { FormFieldDto } from './form-field.dto';

export class SessionInputDto implements SessionInput {
  @ApiProperty({ example: '8:00–8:30' })
  @Transform(trim)
  @IsString()
  @Length(1, EVENT_LIMITS.sessionLabelMax)
  @Matches(PLAIN_TEXT_PATTERN)
  label!: string;

  @DateTimeField()
  startsAt!: string;

  @DateTimeField()
  endsAt!: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(EVENT_LIMITS.capacityMax)
  capacity!: number;
}

export class CreateEventDto implements CreateEventRequest {
  @ApiProperty({ example: '职工羽毛球赛' })
  @Transform(trim)
  @IsString()
  @Length(2, EVENT_LIMITS.titleMax)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty({ enum: EVENT_KINDS })
  @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, EVENT_LIMITS.descriptionMax)
  @Matches(PLAIN_TEXT_PATTERN)
  description!: string;

  @ApiProperty({ type: String, nullable: true, description: '封面图片的上传 id（purpose: event_cover）' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @Length(10, 32)
  @Matches(UPLOAD_ID_PATTERN)
  coverId!: string | null;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, EVENT_LIMITS.venueMax)
  @Matches(PLAIN_TEXT_PATTERN)
  venue!: string;

  @ApiProperty()
  @IsNumber()
  @IsLatitude()
  latitude!: number;

  @ApiProperty()
  @IsNumber()
  @IsLongitude()
  longitude!: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  ownerOrgId!: number;

  @ApiProperty({ type: EligibilityDto })
  @IsObject()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility!: EligibilityDto;

  @ApiProperty({ enum: ALLOCATIONS })
  @IsIn(ALLOCATIONS)
  allocation!: Allocation;

  @DateTimeField()
  signupStartsAt!: string;

  @DateTimeField()
  signupEndsAt!: string;

  @DateTimeField()
  cancelDeadline!: string;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(EVENT_LIMITS.perPersonMax)
  perPersonLimit!: number;

  @ApiProperty()
  @IsBoolean()
  noShowRule!: boolean;

  @ApiProperty({
    minimum: EVENT_LIMITS.offerHoursMin,
    maximum: EVENT_LIMITS.offerHoursMax,
  })
  @IsInt()
  @Min(EVENT_LIMITS.offerHoursMin)
  @Max(EVENT_LIMITS.offerHoursMax)
  offerHours!: number;

  @ApiProperty({ type: [FormFieldDto] })
  @IsArray()
  @ArrayMaxSize(EVENT_LIMITS.formFieldsMax)
  @ValidateNested({ each: true })
  @Type(() => FormFieldDto)
  form!: FormFieldDto[];

  @ApiProperty({ type: [SessionInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(EVENT_LIMITS.sessionsMax)
  @ValidateNested({ each: true })
  @Type(() => SessionInputDto)
  sessions!: SessionInputDto[];
}
