import { OmitType, PartialType } from '@nestjs/swagger';
import { PATCH } from '../../../common/http/patch';
import { CreateSeasonDto } from './create-season.dto';

export class UpdateSeasonDto extends PartialType(
  OmitType(CreateSeasonDto, ['books', 'ownerOrgId'] as const),
  PATCH,
) {}
