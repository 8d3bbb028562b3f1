import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ApplicationStatus } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { scopePathCondition, type OrgScope } from '../orgs/org-tree';
import { User } from '../users/entities/user.entity';
import { MembershipApplication } from './entities/membership-application.entity';
import { enrolment } from './membership.rules';

export type NewApplication = Pick<
  MembershipApplication,
  | 'userId'
  | 'realName'
  | 'phoneCipher'
  | 'phoneHash'
  | 'orgId'
  | 'orgNotListed'
  | 'category'
  | 'platform'
  | 'proofUploadId'
>;

export interface Decision {
  decidedBy: number;
  decidedAt: Date;
}

/** The membership_applications table's statements. Applications come with their org. */
@Injectable()
export class MembershipRepository {
  constructor(
    @InjectRepository(MembershipApplication) private readonly applications: Repository<MembershipApplication>,
  ) {}

  /** Stores a pending application; null when the worker already has one pending (its unique index). */
  async insertPending(application: NewApplication): Promise<number | null> {
    try {
      const inserted = await this.applications.insert({ ...application, pendingUserId: application.userId });
      return Number(inserted.identifiers[0].id);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  byId(id: number): Promise<MembershipApplication | null> {
    return this.applications.findOne({ where: { id }, relations: { org: true } });
  }

  /** The application a proof photo was attached to. */
  byProof(uploadId: string): Promise<MembershipApplication | null> {
    return this.applications.findOne({ where: { proofUploadId: uploadId }, relations: { org: true } });
  }

  /** The worker's latest applications, newest first. */
  latestOf(userId: number, limit: number): Promise<MembershipApplication[]> {
    return this.applications.find({
      where: { userId },
      relations: { org: true },
      order: { id: 'DESC' },
      take: limit,
    });
  }

  /**
   * A page of applications in scope, oldest first, with the total. "My org is not listed" applications
   * have no org yet: the district (admins) sorts them out, so staff scopes leave them out.
   */
  page(
    scope: OrgScope,
    status: ApplicationStatus | undefined,
    skip: number,
    take: number,
  ): Promise<[MembershipApplication[], number]> {
    const qb = this.applications
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.org', 'o')
      .orderBy('a.id', 'ASC')
      .skip(skip)
      .take(take);
    if (status) qb.andWhere('a.status = :status', { status });
    if (!scope.all) qb.andWhere(...scopePathCondition(scope, 'o.path'));
    return qb.getManyAndCount();
  }

  /** Rejects a pending application; false when it was decided already. */
  reject(id: number, reason: string, decision: Decision): Promise<boolean> {
    return decideOnce(this.applications, id, { status: 'rejected', rejectReason: reason, ...decision });
  }

  /**
   * Approves a pending application and enrols its applicant (see `enrolment`) in one transaction; false
   * when it was decided already. The member's row is written here, in the users table, because the two
   * writes stand or fall together; the columns are the User entity's, so a rename fails the typecheck.
   */
  approve(application: MembershipApplication, memberNo: string, decision: Decision): Promise<boolean> {
    return this.applications.manager.transaction(async (manager) => {
      const decided = await decideOnce(manager.getRepository(MembershipApplication), application.id, {
        status: 'approved',
        memberNo,
        ...decision,
      });
      if (!decided) return false;
      const applicant = await manager.findOneByOrFail(User, { id: application.userId });
      await manager.update(User, applicant.id, enrolment(application, applicant, memberNo, decision.decidedAt));
      return true;
    });
  }
}

/** Decides exactly once: the conditional update is what stops two reviewers deciding the same application. */
async function decideOnce(
  repo: Repository<MembershipApplication>,
  id: number,
  changes: Partial<MembershipApplication>,
): Promise<boolean> {
  const result = await repo.update({ id, status: 'pending' }, { ...changes, pendingUserId: null });
  return !!result.affected;
}
