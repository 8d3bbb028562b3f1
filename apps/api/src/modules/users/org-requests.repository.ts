import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { scopePathCondition, type OrgScope } from '../orgs/org-tree';
import { User } from './entities/user.entity';

/**
 * Org changes waiting for staff: a worker's `requested_org_id`. `org_id` (the verified org) changes only
 * here, when staff of the requested org approve.
 */
@Injectable()
export class OrgRequestsRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  /** Pending requests to orgs in scope (the caller's own left out: nobody reviews their own), oldest first. */
  page(scope: OrgScope, exceptUserId: number, skip: number, take: number): Promise<[User[], number]> {
    return this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.requestedOrg', 'ro')
      .leftJoinAndSelect('u.org', 'o')
      .where(...scopePathCondition(scope, 'ro.path'))
      .andWhere('u.id <> :self', { self: exceptUserId })
      .orderBy('u.org_requested_at', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  /** The worker with their current and requested org; null when they have no pending request. */
  pendingOf(userId: number): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.requestedOrg', 'ro')
      .leftJoinAndSelect('u.org', 'o')
      .where('u.id = :userId', { userId })
      .getOne();
  }

  /**
   * Moves the worker to the org they asked for; false when the request changed or was decided meanwhile
   * (the condition on `requested_org_id` is what stops two reviewers, or a reviewer and the worker, racing).
   */
  async approve(userId: number, requestedOrgId: number): Promise<boolean> {
    const result = await this.users.update(
      { id: userId, requestedOrgId },
      { orgId: requestedOrgId, requestedOrgId: null, orgRequestedAt: null },
    );
    return !!result.affected;
  }

  /** Drops the request, leaving the verified org as it is; false as for `approve`. */
  async reject(userId: number, requestedOrgId: number): Promise<boolean> {
    const result = await this.users.update({ id: userId, requestedOrgId }, { requestedOrgId: null, orgRequestedAt: null });
    return !!result.affected;
  }
}
