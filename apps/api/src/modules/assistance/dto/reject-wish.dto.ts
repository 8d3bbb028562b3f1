import type { RejectWishRequest } from '@jingcai/shared';
import { ReturnApplicationDto } from './return-application.dto';

/** Why a wish is not published: shown to whoever wrote it. */
export class RejectWishDto extends ReturnApplicationDto implements RejectWishRequest {}
