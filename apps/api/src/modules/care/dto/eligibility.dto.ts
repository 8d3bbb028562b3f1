import { ApiProperty } from '@nestjs/swagger';
import {
  MAX_ID,
  USER_TAGS,
  WORKER_CATEGORIES,
  type Eligibility,
  type UserTag,
  type WorkerCategory,
} from '@jingcai/shared';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, Max, Min, ValidateIf } from 'class-validator';

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
