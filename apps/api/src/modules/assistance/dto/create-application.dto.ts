import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASSISTANCE_FAMILY_SITUATION_MAX,
  ASSISTANCE_HOUSEHOLD_MAX,
  ASSISTANCE_INCOME_MAX,
  ASSISTANCE_KINDS,
  ASSISTANCE_MAX_DOCUMENTS,
  ASSISTANCE_REASONS_MAX,
  ASSISTANCE_TEXT_MIN,
  MAX_ID,
  PLAIN_TEXT_PATTERN,
  type AssistanceKind,
  type CreateApplicationRequest,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { UploadIds } from './upload-ids';

export class CreateApplicationDto implements CreateApplicationRequest {
  @ApiProperty({ enum: ASSISTANCE_KINDS })
  @IsIn(ASSISTANCE_KINDS)
  kind!: AssistanceKind;

  @ApiProperty({ example: '爱人长期患病在家，孩子读初二，全家靠我一人送外卖的收入。' })
  @Transform(trim)
  @IsString()
  @Length(ASSISTANCE_TEXT_MIN, ASSISTANCE_FAMILY_SITUATION_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  familySituation!: string;

  @ApiProperty({ minimum: 1, maximum: ASSISTANCE_HOUSEHOLD_MAX })
  @IsInt()
  @Min(1)
  @Max(ASSISTANCE_HOUSEHOLD_MAX)
  householdSize!: number;

  @ApiProperty({
    minimum: 0,
    maximum: ASSISTANCE_INCOME_MAX,
    description: '家庭人均月收入（元），最多两位小数',
  })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(ASSISTANCE_INCOME_MAX)
  monthlyIncomePerMember!: number;

  @ApiProperty({ example: '孩子下学期学费和住宿费共 3,000 元，家里拿不出来。' })
  @Transform(trim)
  @IsString()
  @Length(ASSISTANCE_TEXT_MIN, ASSISTANCE_REASONS_MAX)
  @Matches(PLAIN_TEXT_PATTERN)
  reasons!: string;

  @UploadIds(ASSISTANCE_MAX_DOCUMENTS, '证明材料照片（用途 assistance_document）')
  documentUploadIds?: string[];

  @ApiPropertyOptional({ description: '代为申请时必填 true：已征得职工本人同意' })
  @IsOptional()
  @IsBoolean()
  consentRecorded?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_ID, description: '工作人员代为申请的职工' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  onBehalfOfUserId?: number;
}
