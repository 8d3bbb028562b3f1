import { PartialType, PickType } from '@nestjs/swagger';
import type { UpdateApplicationRequest } from '@jingcai/shared';
import { PATCH } from '../../../common/http/patch';
import { CreateApplicationDto } from './create-application.dto';

/** A returned application, edited and resubmitted: any of the family's fields; null is refused. */
export class UpdateApplicationDto
  extends PartialType(
    PickType(CreateApplicationDto, [
      'familySituation',
      'householdSize',
      'monthlyIncomePerMember',
      'reasons',
      'documentUploadIds',
    ] as const),
    PATCH,
  )
  implements UpdateApplicationRequest {}
