import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAIN_TEXT_PATTERN, type AidApplicationBody, type AidKind } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { UPLOAD_ID_PATTERN } from '../../uploads/upload-id';

const AID_KINDS: readonly AidKind[] = ['aid', 'mediation'];
const AID_MAX_PHOTOS = 9;
/** 20 million yuan: more than any wage claim, and safely inside an int of fen. */
const MAX_AMOUNT_YUAN = 20_000_000;

export class CreateAidApplicationDto implements AidApplicationBody {
  @ApiProperty({ enum: AID_KINDS })
  @IsIn(AID_KINDS)
  kind!: AidKind;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(10, 5000)
  @Matches(PLAIN_TEXT_PATTERN)
  facts!: string;

  @ApiProperty({ example: '某某餐饮管理有限公司' })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  employer!: string;

  @ApiProperty({ minimum: 0, maximum: MAX_AMOUNT_YUAN, description: '争议金额（元），最多两位小数' })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(MAX_AMOUNT_YUAN)
  amountInDispute!: number;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(AID_MAX_PHOTOS)
  @IsString({ each: true })
  @Length(10, 32, { each: true })
  @Matches(UPLOAD_ID_PATTERN, { each: true })
  photoIds?: string[];
}
