import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { FeedbackCategory, FeedbackStatus } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { containsPattern } from '../../common/database/like';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { Feedback } from './entities/feedback.entity';

export type NewFeedback = Pick<
  Feedback,
  'userId' | 'orgId' | 'orgPath' | 'category' | 'text' | 'photoIds' | 'wantsContact' | 'dueAt'
>;

export interface FeedbackFilter {
  scope: OrgScope;
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  /** true: open and past due at `now`; false: not; undefined: both. */
  overdue?: boolean;
  now: Date;
  skip: number;
  take: number;
}

/** Complaints and suggestions (feedback). */
@Injectable()
export class FeedbackRepository {
  constructor(@InjectRepository(Feedback) private readonly feedback: Repository<Feedback>) {}

  async create(item: NewFeedback): Promise<number> {
    const { identifiers } = await this.feedback.insert({ ...item, status: 'open' });
    return Number(identifiers[0].id);
  }

  byId(id: number): Promise<Feedback | null> {
    return this.feedback.findOneBy({ id });
  }

  pageOfSender(userId: number, skip: number, take: number): Promise<[Feedback[], number]> {
    return this.feedback.findAndCount({ where: { userId }, order: { id: 'DESC' }, skip, take });
  }

  /** The staff queue: open items first, the earliest due first; then the answered, latest first. */
  queue(filter: FeedbackFilter): Promise<[Feedback[], number]> {
    const qb = this.feedback
      .createQueryBuilder('f')
      .orderBy("CASE WHEN f.status = 'open' THEN 0 ELSE 1 END", 'ASC')
      .addOrderBy('f.due_at', 'ASC')
      .addOrderBy('f.id', 'DESC')
      .skip(filter.skip)
      .take(filter.take);
    qb.andWhere(...OrgScopeService.pathCondition(filter.scope, 'f.org_path'));
    if (filter.status) qb.andWhere('f.status = :status', { status: filter.status });
    if (filter.category) qb.andWhere('f.category = :category', { category: filter.category });
    if (filter.overdue === true) qb.andWhere("f.status = 'open' AND f.due_at < :now", { now: filter.now });
    if (filter.overdue === false) {
      qb.andWhere("(f.status <> 'open' OR f.due_at >= :now)", { now: filter.now });
    }
    return qb.getManyAndCount();
  }

  /** Records the reply once: false when someone replied first. */
  async reply(id: number, text: string, staffId: number, at: Date): Promise<boolean> {
    const result = await this.feedback.update(
      { id, status: 'open' },
      { status: 'replied', reply: text, repliedBy: staffId, repliedAt: at },
    );
    return (result.affected ?? 0) > 0;
  }

  /** The item showing this photo, for the photo's access policy. */
  showingPhoto(ownerId: number, uploadId: string): Promise<Feedback | null> {
    return this.feedback
      .createQueryBuilder('f')
      .where('f.user_id = :ownerId', { ownerId })
      .andWhere("f.photo_ids LIKE :id ESCAPE '!'", { id: containsPattern(uploadId) })
      .getOne();
  }
}
