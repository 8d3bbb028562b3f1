import { OmitType, PartialType } from '@nestjs/swagger';
import type { UpdateEventRequest } from '@jingcai/shared';
import { PATCH } from '../../../common/http/patch';
import { CreateEventDto } from './create-event.dto';

/** The allocation, kind, owner and sessions never change after creation; the seed has no route at all. */
export class UpdateEventDto
  extends PartialType(
    OmitType(CreateEventDto, ['kind', 'allocation', 'ownerOrgId', 'sessions'] as const),
    PATCH,
  )
  implements UpdateEventRequest {}
