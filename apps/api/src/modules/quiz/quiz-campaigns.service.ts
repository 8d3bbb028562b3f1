import { Injectable } from '@nestjs/common';
import {
  formatShanghai,
  shanghaiDay,
  staffName,
  type CampaignView,
  type ParticipationView,
  type WorkerCampaignView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { UsersRepository } from '../users/users.repository';
import { AttemptsRepository } from './attempts.repository';
import { BanksRepository } from './banks.repository';
import { CampaignsRepository, type CampaignFields } from './campaigns.repository';
import { type CreateCampaignDto } from './dto/create-campaign.dto';
import { type UpdateCampaignDto } from './dto/update-campaign.dto';
import type { Campaign } from './entities/quiz.entities';
import { ParticipantsRepository } from './participants.repository';
import { QuizBanksService } from './quiz-banks.service';
import { audienceProblem, questionCount } from './quiz-rules';

/** How long another API instance may go on with a campaign's previous settings after staff change them. */
const CAMPAIGN_CACHE_MS = 10_000;

@Injectable()
export class QuizCampaignsService {
  private readonly liveCampaigns = new TtlCache<number, Campaign | null>(CAMPAIGN_CACHE_MS);

  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly participants: ParticipantsRepository,
    private readonly attempts: AttemptsRepository,
    private readonly questions: BanksRepository,
    private readonly users: UsersRepository,
    private readonly banks: QuizBanksService,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async create(staff: AuthUser, dto: CreateCampaignDto): Promise<CampaignView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    await this.checkBody(staff, dto);
    const id = await this.campaigns.create({ ...this.fields(dto), ownerOrgId: dto.ownerOrgId, createdBy: staff.id });
    return this.view(id);
  }

  async update(staff: AuthUser, id: number, dto: UpdateCampaignDto): Promise<CampaignView> {
    const campaign = await this.managed(staff, id);
    if (campaign.status !== 'draft' && (dto.draw || dto.secondsPerAttempt !== undefined || dto.passScore !== undefined)) {
      throw new AppException('CAMPAIGN_PUBLISHED', '活动已发布，不能再修改抽题规则、时长和及格分');
    }
    const merged: CreateCampaignDto = { ...this.asBody(campaign), ...dto };
    await this.checkBody(staff, merged);
    await this.campaigns.update(id, this.fields(merged));
    this.liveCampaigns.delete(id);
    return this.view(id);
  }

  /** A campaign as attempts need it (audience included), from memory: every start and submit reads it. */
  live(id: number): Promise<Campaign | null> {
    return this.liveCampaigns.get(id, () => this.campaigns.withAudience(id));
  }

  async publish(staff: AuthUser, id: number): Promise<CampaignView> {
    const campaign = await this.managed(staff, id);
    for (const rule of campaign.draw) {
      const available = await this.questions.countIn(rule.bankId, rule.type);
      if (available < rule.count) {
        throw new AppException(
          'BANK_TOO_SMALL',
          `题库 ${rule.bankId} 的${rule.type}题只有 ${available} 道，不够抽 ${rule.count} 道`,
        );
      }
    }
    await this.campaigns.publish(id);
    this.liveCampaigns.delete(id);
    return this.view(id);
  }

  async end(staff: AuthUser, id: number): Promise<CampaignView> {
    await this.managed(staff, id);
    await this.campaigns.end(id);
    this.liveCampaigns.delete(id);
    return this.view(id);
  }

  async listManaged(staff: AuthUser): Promise<CampaignView[]> {
    const scope = await this.scope.scopeOf(staff);
    const all = await this.campaigns.latest(200);
    return all.filter((c) => this.scope.contains(scope, c.ownerOrg!)).map(toCampaignView);
  }

  async participation(staff: AuthUser, id: number): Promise<ParticipationView> {
    const campaign = await this.managed(staff, id);
    const summary = await this.participants.summary(id, campaign.passScore);
    return {
      participants: summary.participants,
      attempts: await this.attempts.submittedCount(id),
      passed: summary.passed,
      averageBestScore: Math.round(summary.average * 10) / 10,
    };
  }

  /** Every participant's best result, for the union's records (staff only; names in full). */
  async resultsWorkbook(staff: AuthUser, id: number): Promise<Buffer> {
    const campaign = await this.managed(staff, id);
    const rows = await this.participants.ranked(id);
    const byId = await this.users.listed(rows.map((r) => r.userId));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成绩');
    sheet.addRow(['名次', '姓名', '所属工会', '最好成绩', '用时（秒）', '达到时间', '是否及格']);
    rows.forEach((r, i) => {
      const user = byId.get(r.userId);
      sheet.addRow([
        i + 1,
        staffName(user, ''),
        user?.orgName ?? '',
        r.bestScore,
        r.bestDuration,
        formatShanghai(r.bestAt, 'dateTime'),
        r.bestScore >= campaign.passScore ? '是' : '否',
      ]);
    });
    sheet.getRow(1).font = { bold: true };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Published, open now and meant for this worker, with what they have left today. */
  async openFor(userId: number): Promise<WorkerCampaignView[]> {
    const now = this.clock.now();
    const user = await this.users.facts(userId);
    const open = await this.campaigns.openNow(now, user?.orgPath ?? null, user?.membership === 'member', 50);
    const visible = open.filter((c) => !audienceProblem(c, user));
    if (!visible.length) return [];
    const ids = visible.map((c) => c.id);
    const today = shanghaiDay(now);
    const todays = await this.attempts.todaysOf(userId, ids, today);
    const best = await this.participants.bestOf(userId, ids);
    return visible.map((c) => {
      const mine = todays.filter((a) => a.campaignId === c.id);
      return {
        id: c.id,
        title: c.title,
        coverUrl: c.coverUrl,
        rules: c.rules,
        startsAt: c.startsAt.toISOString(),
        endsAt: c.endsAt.toISOString(),
        secondsPerAttempt: c.secondsPerAttempt,
        questionCount: questionCount(c),
        passScore: c.passScore,
        attemptsLeftToday: Math.max(0, c.attemptsPerDay - mine.length),
        bestScore: best.find((b) => b.campaignId === c.id)?.bestScore ?? null,
        openAttemptId: mine.find((a) => a.status === 'open')?.id ?? null,
      };
    });
  }

  async managed(staff: AuthUser, id: number): Promise<Campaign> {
    const campaign = await this.campaigns.withOwner(id);
    if (!campaign || !this.scope.contains(await this.scope.scopeOf(staff), campaign.ownerOrg!))
      throw AppException.notFound('活动不存在');
    return campaign;
  }

  /**
   * Whether `user` runs this campaign or can read its answers: staff whose scope covers the campaign's
   * owner org or the owner org of any bank it draws from (admins: every campaign). They are not ranked in
   * it, so they take no attempts. Workers (no staff grant) answer false without a lookup.
   */
  async isRunBy(user: AuthUser, campaign: Campaign): Promise<boolean> {
    if (!user.grants.some((g) => g.role === 'admin' || (g.role === 'staff' && g.orgId !== null)))
      return false;
    const scope = await this.scope.scopeOf(user);
    if (scope.all) return true;
    const owner = await this.campaigns.withOwner(campaign.id);
    if (owner?.ownerOrg && this.scope.contains(scope, owner.ownerOrg)) return true;
    for (const bankId of new Set(campaign.draw.map((rule) => rule.bankId))) {
      const bank = await this.questions.bankWithOwner(bankId);
      if (bank?.ownerOrg && this.scope.contains(scope, bank.ownerOrg)) return true;
    }
    return false;
  }

  private async checkBody(staff: AuthUser, dto: CreateCampaignDto): Promise<void> {
    if (Date.parse(dto.endsAt) <= Date.parse(dto.startsAt))
      throw AppException.invalid('endsAt', '结束时间必须晚于开始时间');
    await this.scope.checkAudience(staff, dto.audienceOrgId, 'audienceOrgId');
    for (const rule of dto.draw) await this.banks.managed(staff, rule.bankId);
  }

  private fields(dto: CreateCampaignDto): CampaignFields {
    return {
      title: dto.title,
      coverUrl: dto.coverUrl ?? null,
      rules: dto.rules,
      startsAt: new Date(dto.startsAt),
      endsAt: new Date(dto.endsAt),
      audienceOrgId: dto.audienceOrgId,
      membersOnly: dto.membersOnly,
      draw: dto.draw.map((r) => ({ bankId: r.bankId, type: r.type, count: r.count })),
      shuffleOptions: dto.shuffleOptions,
      secondsPerAttempt: dto.secondsPerAttempt,
      attemptsPerDay: dto.attemptsPerDay,
      passScore: dto.passScore,
    };
  }

  private asBody(c: Campaign): CreateCampaignDto {
    return {
      title: c.title,
      coverUrl: c.coverUrl,
      rules: c.rules,
      startsAt: c.startsAt.toISOString(),
      endsAt: c.endsAt.toISOString(),
      audienceOrgId: c.audienceOrgId,
      membersOnly: c.membersOnly,
      draw: c.draw,
      shuffleOptions: c.shuffleOptions,
      secondsPerAttempt: c.secondsPerAttempt,
      attemptsPerDay: c.attemptsPerDay,
      passScore: c.passScore,
      ownerOrgId: c.ownerOrgId,
    };
  }

  private async view(id: number): Promise<CampaignView> {
    return toCampaignView(await this.campaigns.full(id));
  }
}

function toCampaignView(c: Campaign): CampaignView {
  return {
    id: c.id,
    title: c.title,
    coverUrl: c.coverUrl,
    rules: c.rules,
    startsAt: c.startsAt.toISOString(),
    endsAt: c.endsAt.toISOString(),
    membersOnly: c.membersOnly,
    draw: c.draw,
    shuffleOptions: c.shuffleOptions,
    secondsPerAttempt: c.secondsPerAttempt,
    attemptsPerDay: c.attemptsPerDay,
    passScore: c.passScore,
    status: c.status,
    ownerOrg: toOrgSummary(c.ownerOrg!),
    audienceOrg: c.audienceOrg ? toOrgSummary(c.audienceOrg) : null,
    questionCount: questionCount(c),
  };
}
