import { ApiProperty } from '@nestjs/swagger';
import {
  LEGAL_CATEGORIES,
  PLAIN_TEXT_PATTERN,
  type LegalCaseBody,
  type LegalCategory,
} from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { trim } from '../../../common/http/transforms';

export class CreateLegalCaseDto implements LegalCaseBody {
  @ApiProperty({ example: '外卖骑手被拖欠工资 工会帮助追回' })
  @Transform(trim)
  @IsString()
  @Length(4, 100)
  @Matches(PLAIN_TEXT_PATTERN)
  title!: string;

  @ApiProperty({ enum: LEGAL_CATEGORIES })
  @IsIn(LEGAL_CATEGORIES)
  category!: LegalCategory;

  @ApiProperty()
  @IsString()
  @Length(10, 10000)
  @Matches(PLAIN_TEXT_PATTERN)
  facts!: string;

  @ApiProperty()
  @IsString()
  @Length(2, 10000)
  @Matches(PLAIN_TEXT_PATTERN)
  outcome!: string;

  @ApiProperty({ example: '《劳动合同法》第三十条' })
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  @Matches(PLAIN_TEXT_PATTERN)
  law!: string;
}
