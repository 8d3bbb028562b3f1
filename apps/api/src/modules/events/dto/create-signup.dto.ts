import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EVENT_LIMITS,
  FORM_FIELD_KEY_PATTERN,
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  REAL_NAME_PATTERN,
  type ChildInfo,
  type CreateSignupRequest,
  type SignupAnswer,
} from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../../common/http/patch';
import { trim } from '../../../common/http/transforms';

export class SignupAnswerDto implements SignupAnswer {
  @ApiProperty()
  @IsString()
  @Matches(FORM_FIELD_KEY_PATTERN)
  key!: string;

  @ApiProperty({ description: '数字、日期（YYYY-MM-DD）和选项也以文字提交' })
  @Transform(trim)
  @IsString()
  @Length(0, EVENT_LIMITS.textAnswerMax)
  @Matches(PLAIN_TEXT_PATTERN)
  value!: string;
}

/** A child's data (暑托班): minors' data, stored as PII ciphertext and shown masked. */
export class ChildInfoDto implements ChildInfo {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(2, EVENT_LIMITS.childNameMax)
  @Matches(REAL_NAME_PATTERN)
  name!: string;

  @ApiProperty()
  @IsInt()
  @Min(EVENT_LIMITS.childAgeMin)
  @Max(EVENT_LIMITS.childAgeMax)
  age!: number;

  @ApiProperty({ description: '监护人姓名' })
  @Transform(trim)
  @IsString()
  @Length(2, EVENT_LIMITS.guardianMax)
  @Matches(REAL_NAME_PATTERN)
  guardian!: string;
}

export class CreateSignupDto implements CreateSignupRequest {
  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sessionId!: number;

  @ApiProperty({ type: [SignupAnswerDto] })
  @IsArray()
  @ArrayMaxSize(EVENT_LIMITS.formFieldsMax)
  @ValidateNested({ each: true })
  @Type(() => SignupAnswerDto)
  answers!: SignupAnswerDto[];

  @ApiPropertyOptional({ type: ChildInfoDto })
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ChildInfoDto)
  child?: ChildInfoDto;
}
