import { Injectable } from '@nestjs/common';
import type { CertificateView, MyAttemptView, Page, PastCampaignView } from '@jingcai/shared';
import { Clock } from '../../common/clock';
import type { PageQuery } from '../../common/http/pagination';
import { UsersRepository } from '../users/users.repository';
import type { Campaign } from './entities/quiz.entities';
import { QuizCertificatesService } from './quiz-certificates.service';
import { QuizHistoryRepository, type AttemptSummary } from './quiz-history.repository';
import { questionCount } from './quiz-rules';

/**
 * A worker's own history: every attempt they submitted and every certificate they earned, in any campaign,
 * and the campaigns of their audience that are over, whose results and leaderboards stay readable.
 */
@Injectable()
export class QuizHistoryService {
  constructor(
    private readonly history: QuizHistoryRepository,
    private readonly certificates: QuizCertificatesService,
    private readonly users: UsersRepository,
    private readonly clock: Clock,
  ) {}

  /** Mine only: the query is keyed on the caller, so another worker's attempts cannot appear. */
  async attemptsOf(userId: number, query: PageQuery): Promise<Page<MyAttemptView>> {
    const [attempts, total] = await this.history.submittedOf(userId, query.skip, query.pageSize);
    const campaignIds = [...new Set(attempts.map((a) => a.campaignId))];
    const [campaigns, held] = await Promise.all([
      this.history.campaignsByIds(campaignIds),
      this.history.certificatesIn(userId, campaignIds),
    ]);
    const byId = new Map(campaigns.map((c) => [c.id, c]));
    const serialOf = new Map(held.map((c) => [c.attemptId, c.serial]));
    return {
      items: attempts.map((a) => toMyAttemptView(a, byId.get(a.campaignId)!, serialOf.get(a.id) ?? null)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async certificatesOf(userId: number): Promise<CertificateView[]> {
    const held = await this.history.certificatesOf(userId);
    const titles = new Map(
      (await this.history.campaignsByIds(held.map((c) => c.campaignId))).map((c) => [c.id, c.title]),
    );
    return held.map((c) => this.certificates.viewOf(c, titles.get(c.campaignId) ?? ''));
  }

  /** The same audience rule as the open list (`QuizCampaignsService.openFor`), for campaigns that are over. */
  async pastFor(userId: number, query: PageQuery): Promise<Page<PastCampaignView>> {
    const user = await this.users.facts(userId);
    const [campaigns, total] = await this.history.pastFor(
      this.clock.now(),
      user?.orgPath ?? null,
      user?.membership === 'member',
      query.skip,
      query.pageSize,
    );
    const ids = campaigns.map((c) => c.id);
    const [participants, best, held] = await Promise.all([
      this.history.participantCounts(ids),
      this.history.bestScoresOf(userId, ids),
      this.history.certificatesIn(userId, ids),
    ]);
    return {
      items: campaigns.map((c) => ({
        id: c.id,
        title: c.title,
        coverUrl: c.coverUrl,
        startsAt: c.startsAt.toISOString(),
        endsAt: c.endsAt.toISOString(),
        questionCount: questionCount(c),
        passScore: c.passScore,
        participants: participants.get(c.id) ?? 0,
        myBestScore: best.get(c.id) ?? null,
        myCertificateSerial: held.find((h) => h.campaignId === c.id)?.serial ?? null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

function toMyAttemptView(a: AttemptSummary, campaign: Campaign, certificateSerial: string | null): MyAttemptView {
  const score = a.score ?? 0;
  return {
    attemptId: a.id,
    campaign: {
      id: campaign.id,
      title: campaign.title,
      status: campaign.status,
      endsAt: campaign.endsAt.toISOString(),
    },
    score,
    // As the attempt's result says it (QuizAttemptsService): a late submission never passes.
    passed: !a.late && score >= campaign.passScore,
    late: a.late,
    correctCount: a.correctCount ?? 0,
    questionCount: questionCount(campaign),
    durationSeconds: a.durationSeconds ?? 0,
    // Set with the status, in the statement that submits: a submitted attempt always has it.
    submittedAt: a.submittedAt!.toISOString(),
    certificateSerial,
  };
}
