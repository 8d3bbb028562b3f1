import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  maskName,
  shanghaiDay,
  type CampaignView,
  type MembershipStatus,
  type ParticipationView,
  type WorkerCampaignView,
} from '@jingcai/shared';
import ExcelJS from 'exceljs';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { toOrgSummary } from '../orgs/org.mapper';
import { audienceCondition } from '../orgs/org-audience';
import { OrgScopeService } from '../orgs/org-scope.service';
import { User } from '../users/entities/user.entity';
import type { CampaignDto, UpdateCampaignDto } from './dto/quiz.dto';
import { Attempt, Campaign, Participant, Question } from './entities/quiz.entities';
import { QuizBanksService } from './quiz-banks.service';
import { TtlCache } from '../../common/cache/ttl-cache';

/** How long another API instance may go on with a campaign's previous settings after staff change them. */
const CAMPAIGN_CACHE_MS = 10_000;

@Injectable()
export class QuizCampaignsService {
  private readonly liveCampaigns = new TtlCache<number, Campaign | null>(CAMPAIGN_CACHE_MS);

  constructor(
    @InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>,
    @InjectRepository(Question) private readonly questions: Repository<Question>,
    @InjectRepository(Attempt) private readonly attempts: Repository<Attempt>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly banks: QuizBanksService,
    private readonly scope: OrgScopeService,
    private readonly clock: Clock,
  ) {}

  async create(staff: AuthUser, dto: CampaignDto): Promise<CampaignView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    await this.checkBody(staff, dto);
    const saved = await this.campaigns.save(
      this.campaigns.create({
        ...this.fields(dto),
        ownerOrgId: dto.ownerOrgId,
        createdBy: staff.id,
        status: 'draft',
      }),
    );
    return this.view(saved.id);
  }

  async update(staff: AuthUser, id: number, dto: UpdateCampaignDto): Promise<CampaignView> {
    const campaign = await this.managed(staff, id);
    if (campaign.status !== 'draft' && (dto.draw || dto.secondsPerAttempt || dto.passScore !== undefined)) {
      throw new AppException('CAMPAIGN_PUBLISHED', '活动已发布，不能再修改抽题规则、时长和及格分');
    }
    const merged: CampaignDto = { ...this.asBody(campaign), ...dto };
    await this.checkBody(staff, merged);
    await this.campaigns.save({ id, ...this.fields(merged) });
    this.liveCampaigns.delete(id);
    return this.view(id);
  }

  /** A campaign as attempts need it (audience included), from memory: every start and submit reads it. */
  live(id: number): Promise<Campaign | null> {
    return this.liveCampaigns.get(id, () =>
      this.campaigns.findOne({ where: { id }, relations: { audienceOrg: true } }),
    );
  }

  async publish(staff: AuthUser, id: number): Promise<CampaignView> {
    const campaign = await this.managed(staff, id);
    for (const rule of campaign.draw) {
      const available = await this.questions.countBy({ bankId: rule.bankId, type: rule.type });
      if (available < rule.count) {
        throw new AppException(
          'BANK_TOO_SMALL',
          `题库 ${rule.bankId} 的${rule.type}题只有 ${available} 道，不够抽 ${rule.count} 道`,
        );
      }
    }
    await this.campaigns.update({ id, status: 'draft' }, { status: 'published' });
    this.liveCampaigns.delete(id);
    return this.view(id);
  }

  async end(staff: AuthUser, id: number): Promise<CampaignView> {
    await this.managed(staff, id);
    await this.campaigns.update(id, { status: 'ended' });
    this.liveCampaigns.delete(id);
    return this.view(id);
  }

  async listManaged(staff: AuthUser): Promise<CampaignView[]> {
    const scope = await this.scope.scopeOf(staff);
    const all = await this.campaigns.find({
      relations: { ownerOrg: true, audienceOrg: true },
      order: { id: 'DESC' },
      take: 200,
    });
    return all.filter((c) => this.scope.contains(scope, c.ownerOrg!)).map(toCampaignView);
  }

  async participation(staff: AuthUser, id: number): Promise<ParticipationView> {
    const campaign = await this.managed(staff, id);
    const [row] = await this.participants
      .createQueryBuilder('p')
      .select('COUNT(*)', 'participants')
      .addSelect('COALESCE(AVG(p.best_score), 0)', 'average')
      .addSelect('SUM(CASE WHEN p.best_score >= :pass THEN 1 ELSE 0 END)', 'passed')
      .where('p.campaign_id = :id', { id, pass: campaign.passScore })
      .getRawMany<{ participants: string; average: string; passed: string | null }>();
    return {
      participants: Number(row.participants),
      attempts: await this.attempts.countBy({ campaignId: id, status: 'submitted' }),
      passed: Number(row.passed ?? 0),
      averageBestScore: Math.round(Number(row.average) * 10) / 10,
    };
  }

  /** Every participant's best result, for the union's records (staff only; names in full). */
  async resultsWorkbook(staff: AuthUser, id: number): Promise<Buffer> {
    const campaign = await this.managed(staff, id);
    const rows = await this.participants.find({
      where: { campaignId: id },
      order: { bestScore: 'DESC', bestDuration: 'ASC', bestAt: 'ASC' },
    });
    const users = rows.length
      ? await this.users.find({ where: { id: In(rows.map((r) => r.userId)) }, relations: { org: true } })
      : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('成绩');
    sheet.addRow(['名次', '姓名', '所属工会', '最好成绩', '用时（秒）', '达到时间', '是否及格']);
    rows.forEach((r, i) => {
      const user = byId.get(r.userId);
      sheet.addRow([
        i + 1,
        user?.realName ?? user?.nickname ?? '',
        user?.org?.name ?? '',
        r.bestScore,
        r.bestDuration,
        r.bestAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
        r.bestScore >= campaign.passScore ? '是' : '否',
      ]);
    });
    sheet.getRow(1).font = { bold: true };
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Published, open now and meant for this worker, with what they have left today. */
  async openFor(userId: number): Promise<WorkerCampaignView[]> {
    const now = this.clock.now();
    const user = await this.users.findOne({ where: { id: userId }, relations: { org: true } });
    const audience = audienceCondition('c.audienceOrgId', 'audience', user?.org?.path);
    const query = this.campaigns
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.audienceOrg', 'audience')
      .where('c.status = :published AND c.startsAt <= :now AND c.endsAt >= :now', {
        published: 'published',
        now,
      })
      .andWhere(audience.where, audience.parameters);
    if (user?.membership !== 'member') query.andWhere('c.membersOnly = :no', { no: false });
    const open = await query.orderBy('c.endsAt', 'ASC').take(50).getMany();
    const taker = user && { membership: user.membership, orgPath: user.org?.path ?? null };
    const visible = open.filter((c) => !audienceProblem(c, taker));
    if (!visible.length) return [];
    const ids = visible.map((c) => c.id);
    const today = shanghaiDay(now);
    const todays = await this.attempts.find({
      select: { id: true, campaignId: true, status: true },
      where: { userId, campaignId: In(ids), day: today },
    });
    const best = await this.participants.find({ where: { userId, campaignId: In(ids) } });
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
    const campaign = await this.campaigns.findOne({ where: { id }, relations: { ownerOrg: true } });
    if (!campaign || !this.scope.contains(await this.scope.scopeOf(staff), campaign.ownerOrg!))
      throw AppException.notFound('活动不存在');
    return campaign;
  }

  private async checkBody(staff: AuthUser, dto: CampaignDto): Promise<void> {
    if (Date.parse(dto.endsAt) <= Date.parse(dto.startsAt))
      throw AppException.invalid('endsAt', '结束时间必须晚于开始时间');
    await this.scope.checkAudience(staff, dto.audienceOrgId, 'audienceOrgId');
    for (const rule of dto.draw) await this.banks.managed(staff, rule.bankId);
  }

  private fields(dto: CampaignDto) {
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

  private asBody(c: Campaign): CampaignDto {
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
    return toCampaignView(
      await this.campaigns.findOneOrFail({ where: { id }, relations: { ownerOrg: true, audienceOrg: true } }),
    );
  }
}

/** Why this worker may not take part, or null. `user.org` must be loaded. */
/** What a campaign's audience rules look at of a worker. */
export interface QuizTaker {
  membership: MembershipStatus;
  orgPath: string | null;
}

export function audienceProblem(campaign: Campaign, taker: QuizTaker | null): string | null {
  if (!taker) return '用户不存在';
  if (campaign.membersOnly && taker.membership !== 'member') return '本活动仅限工会会员参加';
  if (campaign.audienceOrg && !taker.orgPath?.startsWith(campaign.audienceOrg.path))
    return `本活动仅限${campaign.audienceOrg.name}所属职工参加`;
  return null;
}

export function questionCount(campaign: Campaign): number {
  return campaign.draw.reduce((n, r) => n + r.count, 0);
}

export function displayName(user: Pick<User, 'realName' | 'nickname'> | undefined): string {
  return user?.nickname ?? maskName(user?.realName) ?? '职工';
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
