import { ApiProperty } from '@nestjs/swagger';
import { MAX_ID, PLAIN_TEXT_PATTERN, type SeasonBody } from '@jingcai/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { trim } from '../../../common/http/transforms';
import { DAY_PATTERN, DAY_MESSAGE } from './day';
import { CreateBookDto } from './create-book.dto';

export class CreateSeasonDto implements SeasonBody {
  @ApiProperty({ example: '阅读新时代 建功新征程' })
  @Transform(trim)
  @IsString()
  @Length(2, 60)
  @Matches(PLAIN_TEXT_PATTERN)
  theme!: string;

  @ApiProperty()
  @IsString()
  @Length(0, 5000)
  @Matches(PLAIN_TEXT_PATTERN)
  description!: string;

  @ApiProperty({ example: '2026-04-23' })
  @MaxLength(10)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  startsOn!: string;

  @ApiProperty({ example: '2026-06-30' })
  @MaxLength(10)
  @Matches(DAY_PATTERN, { message: DAY_MESSAGE })
  endsOn!: string;

  @ApiProperty({ type: [CreateBookDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CreateBookDto)
  books!: CreateBookDto[];

  @ApiProperty({ minimum: 0, maximum: 500 })
  @IsInt()
  @Min(0)
  @Max(500)
  minNoteLength!: number;

  @ApiProperty({ minimum: 0, maximum: 30 })
  @IsInt()
  @Min(0)
  @Max(30)
  makeUpAllowance!: number;

  @ApiProperty({ type: [Number], example: [7, 21, 50] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(366, { each: true })
  badgeThresholds!: number[];

  @ApiProperty({ nullable: true, type: Number })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  audienceOrgId!: number | null;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  ownerOrgId!: number;
}
