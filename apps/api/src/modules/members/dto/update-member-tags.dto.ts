import { ApiProperty } from '@nestjs/swagger';
import { USER_TAGS, type MemberTagsBody, type UserTag } from '@jingcai/shared';
import { ArrayMaxSize, IsArray, IsIn } from 'class-validator';

export class UpdateMemberTagsDto implements MemberTagsBody {
  @ApiProperty({ enum: USER_TAGS, isArray: true })
  @IsArray()
  @ArrayMaxSize(USER_TAGS.length)
  @IsIn(USER_TAGS, { each: true })
  tags!: UserTag[];
}
