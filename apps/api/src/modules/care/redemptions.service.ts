import { Injectable } from '@nestjs/common';
import {
  maskName,
  maskPhone,
  normalisePickupCode,
  PICKUP_CODE_PATTERN,
  shanghaiDay,
  shanghaiDayStart,
  staffName,
  type RedemptionView,
} from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UsersRepository } from '../users/users.repository';
import { unredeemableRefusal } from './claim-rules';
import { ClaimsRepository } from './claims.repository';

/** Staff at a station hand out packs: a pickup code is redeemed once, by staff whose scope covers the station. */
@Injectable()
export class RedemptionsService {
  constructor(
    private readonly claims: ClaimsRepository,
    private readonly users: UsersRepository,
    private readonly scope: OrgScopeService,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async redeem(staff: AuthUser, rawCode: string): Promise<RedemptionView> {
    const code = normalisePickupCode(rawCode);
    const claim = PICKUP_CODE_PATTERN.test(code) ? await this.claims.byCode(code) : null;
    if (!claim) throw AppException.notFound('领取码不存在，请核对后重试');
    // Nobody redeems their own claim: another staff member hands the pack over.
    if (claim.userId === staff.id)
      throw new AppException('OWN_RECORD', '不能核销本人的领取码，请由其他工作人员核销');
    if (!this.scope.contains(await this.scope.scopeOf(staff), claim.station!.org!)) {
      throw new AppException('OUT_OF_SCOPE', `该领取码需到「${claim.station!.name}」核销`);
    }
    if (!(await this.claims.markRedeemed(claim.id, staff.id, this.clock.now()))) {
      throw await this.notRedeemable(claim.id);
    }
    return this.view(claim.id);
  }

  /** Redemptions made today (Asia/Shanghai) at the stations this staff member covers. */
  async today(staff: AuthUser): Promise<RedemptionView[]> {
    const start = shanghaiDayStart(shanghaiDay(this.clock.now()));
    const ids = await this.claims.redeemedSince(await this.scope.scopeOf(staff), start);
    return Promise.all(ids.map((id) => this.view(id)));
  }

  private async notRedeemable(id: number): Promise<AppException> {
    const claim = await this.claims.byId(id);
    const redeemer =
      claim.status === 'redeemed' && claim.redeemedBy ? await this.users.facts(claim.redeemedBy) : null;
    const refusal = unredeemableRefusal(claim, redeemer);
    return new AppException(refusal.code, refusal.message);
  }

  private async view(id: number): Promise<RedemptionView> {
    const claim = await this.claims.withPlaces(id);
    const people = await this.users.contacts(
      claim.redeemedBy ? [claim.userId, claim.redeemedBy] : [claim.userId],
    );
    const worker = people.get(claim.userId);
    const staff = claim.redeemedBy ? people.get(claim.redeemedBy) : null;
    return {
      claimId: claim.id,
      benefit: { id: claim.benefit!.id, title: claim.benefit!.title, kind: claim.benefit!.kind },
      station: { id: claim.station!.id, name: claim.station!.name },
      workerName: maskName(worker?.realName),
      workerPhone: worker?.phoneCipher ? maskPhone(this.cipher.decrypt(worker.phoneCipher)) : null,
      redeemedAt: claim.redeemedAt!.toISOString(),
      redeemedBy: staffName(staff, '工作人员'),
    };
  }
}
