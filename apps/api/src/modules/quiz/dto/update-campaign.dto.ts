import { OmitType, PartialType } from '@nestjs/swagger';
import { PATCH } from '../../../common/http/patch';
import { CreateCampaignDto } from './create-campaign.dto';

export class UpdateCampaignDto extends PartialType(
  OmitType(CreateCampaignDto, ['ownerOrgId'] as const),
  PATCH,
) {}
