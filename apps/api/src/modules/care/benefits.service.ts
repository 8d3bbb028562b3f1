import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CLAIM_STATUS_LABELS,
  type ClaimStatus,
  maskPhone,
  type BenefitView,
  type MembershipStatus,
  type Page,
  type StationStatsView,
  type UserTag,
  type WorkerBenefitView,
  type WorkerCategory,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import { In, LessThanOrEqual, MoreThanOrEqual, Not, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { PiiCipher } from '../../common/crypto/pii-cipher';
import { hotQuery } from '../../common/database/hot-query';
import type { PageQuery } from '../../common/http/pagination';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { User } from '../users/entities/user.entity';
import { toBenefitView } from './care.mapper';
import type { BenefitDto, UpdateBenefitDto } from './dto/care.dto';
import { ineligibilityReason, type Claimant } from './eligibility';
import { Benefit } from './entities/benefit.entity';
import { Claim, PENDING } from './entities/claim.entity';
import { Station } from './entities/station.entity';

interface ClaimantRow {
  category: WorkerCategory | null;
  /** tinyint from MySQL, integer from SQLite. */
  gigVerified: number | boolean;
  tags: string;
  membership: MembershipStatus;
  orgPath: string | null;
}

const VIEW_RELATIONS = { ownerOrg: true, stations: { org: true } } as const;

@Injectable()
export class BenefitsService {
  constructor(
    @InjectRepository(Benefit) private readonly benefits: Repository<Benefit>,
    @InjectRepository(Station) private readonly stations: Repository<Station>,
    @InjectRepository(Claim) private readonly claims: Repository<Claim>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly cipher: PiiCipher,
    private readonly scope: OrgScopeService,
  ) {}

  async create(staff: AuthUser, dto: BenefitDto): Promise<BenefitView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    const fields = await this.validated(staff, dto);
    const saved = await this.benefits.save(
      this.benefits.create({
        ...fields,
        totalStock: dto.stock,
        remainingStock: dto.stock,
        ownerOrgId: dto.ownerOrgId,
        createdBy: staff.id,
      }),
    );
    return this.view(saved.id);
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
    const fields = await this.validated(staff, merged);
    // Stock columns are left alone: only the conditional stock route changes them.
    await this.benefits.save({ id, ...fields });
    return this.view(id);
  }

  /** Top up or withdraw stock; a withdrawal never takes back packs already claimed. */
  async changeStock(staff: AuthUser, id: number, delta: number): Promise<BenefitView> {
    await this.managed(staff, id);
    const result = await this.benefits
      .createQueryBuilder()
      .update()
      .set({ totalStock: () => 'total_stock + :delta', remainingStock: () => 'remaining_stock + :delta' })
      .where('id = :id AND remaining_stock + :delta >= 0', { id, delta })
      .setParameter('delta', delta)
      .execute();
    if (!result.affected) {
      throw new AppException('STOCK_BELOW_CLAIMED', '减少的数量超过了剩余库存（已领取的不能收回）');
    }
    return this.view(id);
  }

  async managedList(staff: AuthUser, query: PageQuery): Promise<Page<BenefitView>> {
    const scope = await this.scope.scopeOf(staff);
    const qb = this.benefits
      .createQueryBuilder('b')
      .innerJoin('b.ownerOrg', 'o')
      .select('b.id')
      .orderBy('b.id', 'DESC');
    qb.where(...OrgScopeService.pathCondition(scope, 'o.path'));
    const [rows, total] = await qb.skip(query.skip).take(query.pageSize).getManyAndCount();
    const items = await this.benefits.find({
      where: { id: In(rows.map((r) => r.id)) },
      relations: VIEW_RELATIONS,
      order: { id: 'DESC' },
    });
    return { items: items.map(toBenefitView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(staff: AuthUser, id: number): Promise<BenefitView> {
    await this.managed(staff, id);
    return this.view(id);
  }

  /** Every claim of a benefit for the union's records: names in full, phones masked (staff only). */
  async claimsWorkbook(staff: AuthUser, id: number): Promise<Buffer> {
    const benefit = await this.managed(staff, id);
    const rows = await this.claims.find({
      where: { benefitId: id, status: Not(PENDING) },
      order: { id: 'ASC' },
    });
    const [people, stations] = await Promise.all([
      rows.length ? this.users.findBy({ id: In([...new Set(rows.map((c) => c.userId))]) }) : [],
      rows.length ? this.stations.findBy({ id: In([...new Set(rows.map((c) => c.stationId))]) }) : [],
    ]);
    const userById = new Map(people.map((u) => [u.id, u]));
    const stationById = new Map(stations.map((s) => [s.id, s]));
    const at = (d: Date | null) => d?.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) ?? '';
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(benefit.title.slice(0, 31));
    sheet.addRow(['领取码', '职工', '手机号', '服务站', '状态', '领取时间', '核销时间']);
    for (const c of rows) {
      const user = userById.get(c.userId);
      sheet.addRow([
        c.code,
        user?.realName ?? user?.nickname ?? '',
        user?.phoneCipher ? maskPhone(this.cipher.decrypt(user.phoneCipher)) : '',
        stationById.get(c.stationId)?.name ?? '',
        CLAIM_STATUS_LABELS[c.status as ClaimStatus],
        at(c.createdAt),
        at(c.redeemedAt),
      ]);
    }
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  async stats(staff: AuthUser, id: number): Promise<StationStatsView[]> {
    const benefit = await this.managed(staff, id);
    const rows = await this.claims
      .createQueryBuilder('c')
      .select('c.station_id', 'stationId')
      .addSelect('c.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('c.benefit_id = :id AND c.status <> :pending', { id, pending: PENDING })
      .groupBy('c.station_id')
      .addGroupBy('c.status')
      .getRawMany<{ stationId: number; status: keyof Omit<StationStatsView, 'station'>; count: string }>();
    return benefit.stations!.map((station) => {
      const stat: StationStatsView = {
        station: { id: station.id, name: station.name },
        claimed: 0,
        redeemed: 0,
        cancelled: 0,
        expired: 0,
      };
      for (const row of rows.filter((r) => Number(r.stationId) === station.id))
        stat[row.status] = Number(row.count);
      return stat;
    });
  }

  /** What is open to claim right now, each with whether this worker may claim it and why not. */
  async openFor(userId: number): Promise<WorkerBenefitView[]> {
    const now = new Date();
    const open = await this.benefits.find({
      where: { claimStartsAt: LessThanOrEqual(now), claimEndsAt: MoreThanOrEqual(now) },
      relations: { ...VIEW_RELATIONS, audienceOrg: true },
      order: { claimEndsAt: 'ASC' },
      take: 100,
    });
    const worker = await this.claimant(userId);
    const mine = open.length
      ? await this.claims.find({
          where: { userId, benefitId: In(open.map((b) => b.id)), status: In(['claimed', 'redeemed']) },
        })
      : [];
    return open.map((benefit) => {
      const used = mine.filter((c) => c.benefitId === benefit.id);
      const active = used.find((c) => c.status === 'claimed') ?? null;
      let reason = ineligibilityReason(worker, benefit, benefit.audienceOrg ?? null);
      if (!reason && !active && used.length >= benefit.perPersonLimit)
        reason = `每人限领 ${benefit.perPersonLimit} 份，你已领过`;
      if (!reason && !active && benefit.remainingStock <= 0) reason = '已经领完了';
      return {
        ...toBenefitView(benefit),
        eligible: reason === null,
        ineligibleReason: reason,
        activeClaimId: active?.id ?? null,
        claimsUsed: used.length,
      };
    });
  }

  /** Plain SQL on the hot path: it runs for every claim request of a release rush (see ClaimsService.claim). */
  async claimant(userId: number): Promise<Claimant> {
    const [row] = await hotQuery<ClaimantRow>(
      this.users.manager.connection,
      `SELECT u.category, u.gig_verified AS gigVerified, u.tags, u.membership, o.path AS orgPath
         FROM users u LEFT JOIN orgs o ON o.id = u.org_id WHERE u.id = ?`,
      [userId],
    );
    if (!row) throw AppException.notFound();
    return {
      category: row.category,
      gigVerified: Boolean(Number(row.gigVerified)),
      tags: (row.tags ? row.tags.split(',') : []) as UserTag[],
      membership: row.membership,
      orgPath: row.orgPath,
    };
  }

  /** A benefit the staff member's scope covers (by owner org); 404 otherwise. */
  private async managed(staff: AuthUser, id: number): Promise<Benefit> {
    const benefit = await this.benefits.findOne({
      where: { id },
      relations: { ownerOrg: true, stations: true },
    });
    if (!benefit || !this.scope.contains(await this.scope.scopeOf(staff), benefit.ownerOrg!))
      throw AppException.notFound('福利不存在');
    return benefit;
  }

  private view(id: number): Promise<BenefitView> {
    return this.benefits.findOneOrFail({ where: { id }, relations: VIEW_RELATIONS }).then(toBenefitView);
  }

  /** Checks what the DTO cannot: the dates' order, that stations and the audience org exist. */
  private async validated(staff: AuthUser, dto: Omit<BenefitDto, 'stock' | 'ownerOrgId'>) {
    const claimStartsAt = new Date(dto.claimStartsAt);
    const claimEndsAt = new Date(dto.claimEndsAt);
    const pickupDeadline = new Date(dto.pickupDeadline);
    if (claimEndsAt <= claimStartsAt)
      throw AppException.invalid('claimEndsAt', '领取结束时间必须晚于开始时间');
    if (pickupDeadline < claimEndsAt)
      throw AppException.invalid('pickupDeadline', '领取截止时间不能早于领取结束时间');
    const stationIds = [...new Set(dto.stationIds)];
    const stations = await this.stations.findBy({ id: In(stationIds) });
    if (stations.length !== stationIds.length) throw AppException.invalid('stationIds', '有服务站不存在');
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
