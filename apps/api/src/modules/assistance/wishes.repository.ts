import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { WallStatus, WishStatus } from '@jingcai/shared';
import { In, Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { Wish } from './entities/wish.entity';

export type NewWish = Pick<
  Wish,
  'beneficiaryId' | 'authorId' | 'orgId' | 'orgPath' | 'streetOrgId' | 'title' | 'story' | 'amountYuan'
>;

const WALL: Record<WallStatus, WishStatus[]> = {
  open: ['open'],
  claimed: ['claimed', 'handed_over'],
  fulfilled: ['fulfilled'],
};
const ON_WALL: WishStatus[] = ['open', 'claimed', 'handed_over', 'fulfilled'];

/** 微心愿 and the wall. */
@Injectable()
export class WishesRepository {
  constructor(@InjectRepository(Wish) private readonly wishes: Repository<Wish>) {}

  /** The new wish's id, or null while the family has another wish in progress. */
  async insert(row: NewWish): Promise<number | null> {
    try {
      const { identifiers } = await this.wishes.insert({
        ...row,
        status: 'pending_review',
        activeKey: row.beneficiaryId,
      });
      return Number(identifiers[0].id);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  byId(id: number): Promise<Wish | null> {
    return this.wishes.findOneBy({ id });
  }

  /** The wall: published wishes, open ones first, then the latest published. */
  wall(filter: {
    status?: WallStatus;
    streetId?: number;
    skip: number;
    take: number;
  }): Promise<[Wish[], number]> {
    const qb = this.wishes
      .createQueryBuilder('w')
      .where('w.status IN (:...statuses)', { statuses: filter.status ? WALL[filter.status] : ON_WALL })
      .orderBy("CASE WHEN w.status = 'open' THEN 0 ELSE 1 END", 'ASC')
      .addOrderBy('w.published_at', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .skip(filter.skip)
      .take(filter.take);
    if (filter.streetId) qb.andWhere('w.street_org_id = :street', { street: filter.streetId });
    return qb.getManyAndCount();
  }

  staffQueue(filter: {
    scope: OrgScope;
    status: WishStatus;
    skip: number;
    take: number;
  }): Promise<[Wish[], number]> {
    const qb = this.wishes
      .createQueryBuilder('w')
      .where('w.status = :status', { status: filter.status })
      .orderBy('w.id', filter.status === 'pending_review' ? 'ASC' : 'DESC')
      .skip(filter.skip)
      .take(filter.take);
    qb.andWhere(...OrgScopeService.pathCondition(filter.scope, 'w.org_path'));
    return qb.getManyAndCount();
  }

  /** Wishes the user benefits from or claimed, newest first. */
  pageOfUser(userId: number, skip: number, take: number): Promise<[Wish[], number]> {
    return this.wishes.findAndCount({
      where: [{ beneficiaryId: userId }, { donorUserId: userId }],
      order: { id: 'DESC' },
      skip,
      take,
    });
  }

  /** Each of these changes applies only from the statuses named: a wish moves on once. */
  async move(
    id: number,
    from: readonly WishStatus[],
    changes: Partial<Wish>,
    donorUserId?: number,
  ): Promise<boolean> {
    const where = { id, status: In(from), ...(donorUserId === undefined ? {} : { donorUserId }) };
    const result = await this.wishes.update(where, changes);
    return (result.affected ?? 0) > 0;
  }

  /**
   * Exactly one donor: the claim is one conditional UPDATE on `status = 'open'`, so of any number of
   * concurrent claims on any number of instances one changes the row and the rest change nothing.
   */
  claim(id: number, donorUserId: number, enterprise: string | null, at: Date): Promise<boolean> {
    return this.move(id, ['open'], {
      status: 'claimed',
      donorUserId,
      donorEnterprise: enterprise,
      claimedAt: at,
    });
  }

  withConfirmPhoto(uploadId: string): Promise<Wish | null> {
    return this.wishes.findOneBy({ confirmPhotoId: uploadId });
  }
}
