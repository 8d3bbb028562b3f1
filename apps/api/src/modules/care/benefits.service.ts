import { Injectable } from '@nestjs/common';
import {
  CLAIM_STATUS_LABELS,
  formatShanghai,
  maskPhone,
  staffName,
  type BenefitView,
  type Page,
  type StationStatsView,
  type WorkerBenefitView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import type { PageQuery } from '../../common/http/pagination';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UsersRepository } from '../users/users.repository';
import { BenefitsRepository } from './benefits.repository';
import { toBenefitView } from './care.mapper';
import { listedBenefitBlocker } from './claim-rules';
import { ClaimsRepository } from './claims.repository';
import type { CreateBenefitDto } from './dto/create-benefit.dto';
import type { UpdateBenefitDto } from './dto/update-benefit.dto';
import { ineligibilityReason } from './eligibility';
import type { Benefit } from './entities/benefit.entity';
import { StationsRepository } from './stations.repository';

/** The benefit list workers see, and what staff do with the benefits of their orgs. */
@Injectable()
export class BenefitsService {
  constructor(
    private readonly benefits: BenefitsRepository,
    private readonly stations: StationsRepository,
    private readonly claims: ClaimsRepository,
    private readonly users: UsersRepository,
    private readonly cipher: PiiCipher,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async create(staff: AuthUser, dto: CreateBenefitDto): Promise<BenefitView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    const fields = await this.validated(staff, dto);
    const id = await this.benefits.insert({
      ...fields,
      totalStock: dto.stock,
      remainingStock: dto.stock,
      ownerOrgId: dto.ownerOrgId,
      createdBy: staff.id,
    });
    return this.view(id);
  }

  async update(staff: AuthUser, id: number, dto: UpdateBenefitDto): Promise<BenefitView> {
    const benefit = await this.managed(staff, id);
    const merged = {
      title: dto.title ?? benefit.title,
      description: dto.description ?? benefit.description,
      kind: dto.kind ?? benefit.kind,
      perPersonLimit: dto.perPersonLimit ?? benefit.perPersonLimit,
      claimStartsAt: dto.claimStartsAt ?? benefit.claimStartsAt.toISOString(),
      claimEndsAt: dto.claimEndsAt ?? benefit.claimEndsAt.toISOString(),
      pickupDeadline: dto.pickupDeadline ?? benefit.pickupDeadline.toISOString(),
      eligibility: dto.eligibility ?? {
        categories: benefit.eligibleCategories,
        gigVerifiedRequired: benefit.gigVerifiedRequired,
        tags: benefit.eligibleTags,
        membersOnly: benefit.membersOnly,
        orgId: benefit.audienceOrgId,
      },
      stationIds: dto.stationIds ?? benefit.stations!.map((s) => s.id),
    };
    // Stations already attached stay (an admin may have added one outside this staff member's scope).
    const kept = new Set(benefit.stations!.map((s) => s.id));
    const fields = await this.validated(staff, merged, kept);
    // Stock columns are left alone: only the conditional stock route changes them.
    await this.benefits.saveChanges(id, fields);
    return this.view(id);
  }

  /** Top up or withdraw stock; a withdrawal never takes back packs already claimed. */
  async changeStock(staff: AuthUser, id: number, delta: number): Promise<BenefitView> {
    await this.managed(staff, id);
    if (!(await this.benefits.changeStock(id, delta))) {
      throw new AppException('STOCK_BELOW_CLAIMED', '减少的数量超过了剩余库存（已领取的不能收回）');
    }
    return this.view(id);
  }

  async managedList(staff: AuthUser, query: PageQuery): Promise<Page<BenefitView>> {
    const scope = await this.scope.scopeOf(staff);
    const { items, total } = await this.benefits.pageInScope(scope, query.skip, query.pageSize);
    return { items: items.map(toBenefitView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(staff: AuthUser, id: number): Promise<BenefitView> {
    await this.managed(staff, id);
    return this.view(id);
  }

  /** Every claim of a benefit for the union's records: names in full, phones masked (staff only). */
  async claimsWorkbook(staff: AuthUser, id: number): Promise<Buffer> {
    const benefit = await this.managed(staff, id);
    const rows = await this.claims.settledOf(id);
    const [userById, stations] = await Promise.all([
      this.users.contacts(rows.map((c) => c.userId)),
      this.stations.byIds([...new Set(rows.map((c) => c.stationId))]),
    ]);
    const stationById = new Map(stations.map((s) => [s.id, s]));
    const at = (d: Date | null) => (d ? formatShanghai(d, 'dateTime') : '');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(benefit.title.slice(0, 31));
    sheet.addRow(['领取码', '职工', '手机号', '服务站', '状态', '领取时间', '核销时间']);
    for (const c of rows) {
      const user = userById.get(c.userId);
      sheet.addRow([
        c.code,
        staffName(user, ''),
        user?.phoneCipher ? maskPhone(this.cipher.decrypt(user.phoneCipher)) : '',
        stationById.get(c.stationId)?.name ?? '',
        CLAIM_STATUS_LABELS[c.status as keyof typeof CLAIM_STATUS_LABELS],
        at(c.createdAt),
        at(c.redeemedAt),
      ]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async stats(staff: AuthUser, id: number): Promise<StationStatsView[]> {
    const benefit = await this.managed(staff, id);
    const counts = await this.claims.countsByStation(id);
    return benefit.stations!.map((station) => {
      const stat: StationStatsView = {
        station: { id: station.id, name: station.name },
        claimed: 0,
        redeemed: 0,
        cancelled: 0,
        expired: 0,
      };
      for (const row of counts) if (row.stationId === station.id) stat[row.status] = row.count;
      return stat;
    });
  }

  /** What is open to claim right now, each with whether this worker may claim it and why not. */
  async openFor(userId: number): Promise<WorkerBenefitView[]> {
    const open = await this.benefits.openAt(this.clock.now(), 100);
    const worker = await this.users.facts(userId);
    if (!worker) throw AppException.notFound();
    const mine = await this.claims.countingOf(
      userId,
      open.map((b) => b.id),
    );
    return open.map((benefit) => {
      const used = mine.filter((c) => c.benefitId === benefit.id);
      const active = used.find((c) => c.status === 'claimed') ?? null;
      const ineligibility = ineligibilityReason(worker, benefit, benefit.audienceOrg ?? null);
      const reason = listedBenefitBlocker(ineligibility, benefit, used.length, active !== null);
      return {
        ...toBenefitView(benefit),
        eligible: reason === null,
        ineligibleReason: reason,
        activeClaimId: active?.id ?? null,
        claimsUsed: used.length,
      };
    });
  }

  /** A benefit the staff member's scope covers (by owner org); 404 otherwise. */
  async managed(staff: AuthUser, id: number): Promise<Benefit> {
    const benefit = await this.benefits.forManaging(id);
    if (!benefit || !this.scope.contains(await this.scope.scopeOf(staff), benefit.ownerOrg!))
      throw AppException.notFound('福利不存在');
    return benefit;
  }

  private view(id: number): Promise<BenefitView> {
    return this.benefits.forView(id).then(toBenefitView);
  }

  /**
   * Checks what the DTO cannot: the dates' order, that stations and the audience org exist, and that
   * every station newly attached is run by an org in the staff member's scope (`kept`: already attached).
   */
  private async validated(
    staff: AuthUser,
    dto: Omit<CreateBenefitDto, 'stock' | 'ownerOrgId'>,
    kept: ReadonlySet<number> = new Set(),
  ) {
    const claimStartsAt = new Date(dto.claimStartsAt);
    const claimEndsAt = new Date(dto.claimEndsAt);
    const pickupDeadline = new Date(dto.pickupDeadline);
    if (claimEndsAt <= claimStartsAt)
      throw AppException.invalid('claimEndsAt', '领取结束时间必须晚于开始时间');
    if (pickupDeadline < claimEndsAt)
      throw AppException.invalid('pickupDeadline', '领取截止时间不能早于领取结束时间');
    const stationIds = [...new Set(dto.stationIds)];
    const stations = await this.stations.byIdsWithOrg(stationIds);
    if (stations.length !== stationIds.length) throw AppException.invalid('stationIds', '有服务站不存在');
    const scope = await this.scope.scopeOf(staff);
    if (stations.some((station) => !kept.has(station.id) && !this.scope.contains(scope, station.org!))) {
      throw AppException.invalid('stationIds', '只能选择本组织及下级组织的服务站');
    }
    await this.scope.checkAudience(staff, dto.eligibility.orgId, 'eligibility.orgId');
    return {
      title: dto.title,
      description: dto.description,
      kind: dto.kind,
      perPersonLimit: dto.perPersonLimit,
      claimStartsAt,
      claimEndsAt,
      pickupDeadline,
      eligibleCategories: dto.eligibility.categories,
      gigVerifiedRequired: dto.eligibility.gigVerifiedRequired,
      eligibleTags: dto.eligibility.tags,
      membersOnly: dto.eligibility.membersOnly,
      audienceOrgId: dto.eligibility.orgId,
      stations,
    };
  }
}
