import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_LIMITS,
  FORM_FIELD_KEY_PATTERN,
  FORM_FIELD_TYPES,
  PLAIN_TEXT_PATTERN,
  type FormField,
  type FormFieldType,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { Omittable } from '../../../common/http/patch';
import { trim } from '../../../common/http/transforms';

/** One field of the sign-up form staff choose; answers are checked against it server-side. */
export class FormFieldDto implements FormField {
  @ApiProperty({ example: 'shirt_size' })
  @IsString()
  @Matches(FORM_FIELD_KEY_PATTERN)
  key!: string;

  @ApiProperty({ example: '衣服尺码' })
  @Transform(trim)
  @IsString()
  @Length(1, EVENT_LIMITS.fieldLabelMax)
  @Matches(PLAIN_TEXT_PATTERN)
  label!: string;

  @ApiProperty({ enum: FORM_FIELD_TYPES })
  @IsIn(FORM_FIELD_TYPES)
  type!: FormFieldType;

  @ApiProperty()
  @IsBoolean()
  required!: boolean;

  @ApiPropertyOptional({ type: [String], description: '选择题的选项' })
  @ValidateIf((field: FormFieldDto, value) => field.type === 'choice' || value !== undefined)
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(EVENT_LIMITS.choiceOptionsMax)
  @IsString({ each: true })
  @Length(1, EVENT_LIMITS.choiceOptionMax, { each: true })
  @Matches(PLAIN_TEXT_PATTERN, { each: true })
  options?: string[];

  @ApiPropertyOptional()
  @Omittable()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  min?: number;

  @ApiPropertyOptional()
  @Omittable()
  @IsInt()
  @Min(-1_000_000)
  @Max(1_000_000)
  max?: number;
}
