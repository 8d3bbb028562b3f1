import { OmitType, PartialType } from '@nestjs/swagger';
import { type UpdateBenefitBody } from '@jingcai/shared';
import { PATCH } from '../../../common/http/patch';
import { CreateBenefitDto } from './create-benefit.dto';

export class UpdateBenefitDto
  extends PartialType(OmitType(CreateBenefitDto, ['stock', 'ownerOrgId'] as const), PATCH)
  implements UpdateBenefitBody {}
