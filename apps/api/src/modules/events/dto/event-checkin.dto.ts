import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_ID, TICKET_CODE_PATTERN, VENUE_CODE_PATTERN, type EventCheckinRequest } from '@jingcai/shared';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { Omittable } from '../../../common/http/patch';

const upperNoSpaces = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.toUpperCase().replace(/[\s-]/g, '') : value;

/** Staff send `ticketCode`; a worker at the venue sends `sessionId` and `venueCode`. The service checks which. */
export class EventCheckinDto implements EventCheckinRequest {
  @ApiPropertyOptional({ description: '职工票码（工作人员扫码）' })
  @Omittable()
  @Transform(upperNoSpaces)
  @IsString()
  @Matches(TICKET_CODE_PATTERN)
  ticketCode?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sessionId?: number;

  @ApiPropertyOptional({ description: '现场屏幕上的 6 位签到码' })
  @Omittable()
  @IsString()
  @Matches(VENUE_CODE_PATTERN)
  venueCode?: string;
}
