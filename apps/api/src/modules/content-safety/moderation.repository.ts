import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ModerationStatus } from '@jingcai/shared';
import { In, Not, Repository } from 'typeorm';
import { Org } from '../orgs/entities/org.entity';
import { scopePathCondition, type OrgScope } from '../orgs/org-tree';
import { ModerationItem } from './entities/moderation-item.entity';

export type NewModerationItem = Pick<
  ModerationItem,
  'subjectType' | 'subjectId' | 'authorId' | 'orgId' | 'kind' | 'content' | 'reason'
> &
  Partial<Pick<ModerationItem, 'traceId'>>;

/** The moderation_items table's statements: the content-safety queue. */
@Injectable()
export class ModerationRepository {
  constructor(@InjectRepository(ModerationItem) private readonly items: Repository<ModerationItem>) {}

  async insert(item: NewModerationItem): Promise<void> {
    await this.items.insert(item);
  }

  byId(id: number): Promise<ModerationItem | null> {
    return this.items.findOneBy({ id });
  }

  /** Which of these subject types have an item still pending for `subjectId`. */
  async pendingSubjectTypes(subjectTypes: string[], subjectId: string): Promise<string[]> {
    const rows = await this.items.find({
      select: { subjectType: true },
      where: { subjectType: In(subjectTypes), subjectId, status: 'pending' },
    });
    return [...new Set(rows.map((r) => r.subjectType))];
  }

  /** Of these subjects of one type, those with an item not approved (pending or rejected). */
  async notApproved(subjectType: string, subjectIds: string[]): Promise<string[]> {
    const rows = await this.items.find({
      select: { subjectId: true },
      where: { subjectType, subjectId: In(subjectIds), status: Not('approved') },
    });
    return [...new Set(rows.map((r) => r.subjectId))];
  }

  pendingByTrace(traceId: string): Promise<ModerationItem | null> {
    return this.items.findOneBy({ traceId, status: 'pending' });
  }

  traceExists(traceId: string): Promise<boolean> {
    return this.items.existsBy({ traceId });
  }

  /** WeChat could not decide: the item waits for staff. */
  async markForReview(id: number): Promise<void> {
    await this.items.update(id, { reason: 'review' });
  }

  /** Decides a pending item; false when it was decided already (one conditional UPDATE). */
  async decide(
    id: number,
    status: Exclude<ModerationStatus, 'pending'>,
    decidedBy: number | null,
    at: Date,
  ): Promise<boolean> {
    const result = await this.items.update({ id, status: 'pending' }, { status, decidedBy, decidedAt: at });
    return !!result.affected;
  }

  /**
   * A page of the queue in scope, oldest first, with the total. Content from workers with no org is the
   * district's to moderate, so staff scopes leave it out.
   */
  page(
    scope: OrgScope,
    status: ModerationStatus,
    skip: number,
    take: number,
  ): Promise<[ModerationItem[], number]> {
    const qb = this.items
      .createQueryBuilder('m')
      .leftJoin(Org, 'o', 'o.id = m.org_id')
      .where('m.status = :status', { status })
      .orderBy('m.id', 'ASC')
      .skip(skip)
      .take(take);
    if (!scope.all) qb.andWhere(...scopePathCondition(scope, 'o.path'));
    return qb.getManyAndCount();
  }
}
