import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { audienceCondition } from '../orgs/org-audience';
import { Campaign } from './entities/quiz.entities';

/** What staff set on a campaign. */
export type CampaignFields = Pick<
  Campaign,
  | 'title'
  | 'coverUrl'
  | 'rules'
  | 'startsAt'
  | 'endsAt'
  | 'audienceOrgId'
  | 'membersOnly'
  | 'draw'
  | 'shuffleOptions'
  | 'secondsPerAttempt'
  | 'attemptsPerDay'
  | 'passScore'
>;

/** The quiz_campaigns statements. */
@Injectable()
export class CampaignsRepository {
  constructor(@InjectRepository(Campaign) private readonly campaigns: Repository<Campaign>) {}

  async create(values: CampaignFields & Pick<Campaign, 'ownerOrgId' | 'createdBy'>): Promise<number> {
    return (await this.campaigns.save(this.campaigns.create({ ...values, status: 'draft' }))).id;
  }

  async update(id: number, fields: CampaignFields): Promise<void> {
    await this.campaigns.save({ id, ...fields });
  }

  /** Draft → published; a campaign already published or ended stays as it is. */
  async publish(id: number): Promise<void> {
    await this.campaigns.update({ id, status: 'draft' }, { status: 'published' });
  }

  async end(id: number): Promise<void> {
    await this.campaigns.update(id, { status: 'ended' });
  }

  get(id: number): Promise<Campaign> {
    return this.campaigns.findOneByOrFail({ id });
  }

  /** With its audience org: what starting and scoring attempts need. */
  withAudience(id: number): Promise<Campaign | null> {
    return this.campaigns.findOne({ where: { id }, relations: { audienceOrg: true } });
  }

  /** With its owner org: what the staff scope check needs. */
  withOwner(id: number): Promise<Campaign | null> {
    return this.campaigns.findOne({ where: { id }, relations: { ownerOrg: true } });
  }

  /** With both orgs, as staff see it. */
  full(id: number): Promise<Campaign> {
    return this.campaigns.findOneOrFail({ where: { id }, relations: { ownerOrg: true, audienceOrg: true } });
  }

  /** The latest campaigns with both orgs, newest first. */
  latest(limit: number): Promise<Campaign[]> {
    return this.campaigns.find({
      relations: { ownerOrg: true, audienceOrg: true },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /**
   * Published campaigns open at `now` and aimed at a worker of this org (members-only ones for members only),
   * the soonest to end first. The audience is filtered in the query, before the limit.
   */
  openNow(now: Date, orgPath: string | null, member: boolean, limit: number): Promise<Campaign[]> {
    const audience = audienceCondition('c.audienceOrgId', 'audience', orgPath);
    const query = this.campaigns
      .createQueryBuilder('c')
      .leftJoinAndSelect('c.audienceOrg', 'audience')
      .where('c.status = :published AND c.startsAt <= :now AND c.endsAt >= :now', {
        published: 'published',
        now,
      })
      .andWhere(audience.where, audience.parameters);
    if (!member) query.andWhere('c.membersOnly = :no', { no: false });
    return query.orderBy('c.endsAt', 'ASC').take(limit).getMany();
  }
}
