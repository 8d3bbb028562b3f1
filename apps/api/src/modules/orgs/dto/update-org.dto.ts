import { PartialType, PickType } from '@nestjs/swagger';
import { type UpdateOrgBody } from '@jingcai/shared';
import { PATCH } from '../../../common/http/patch';
import { CreateOrgDto } from './create-org.dto';

/** Name and member count only: moving an org in the tree would rewrite its subtree's paths. */
export class UpdateOrgDto
  extends PartialType(PickType(CreateOrgDto, ['name', 'memberCount'] as const), PATCH)
  implements UpdateOrgBody {}
