import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { AidStatus } from '@jingcai/shared';
import { DataSource, Repository } from 'typeorm';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { AidApplication, AidStep } from './entities/legal.entities';

export type NewAidApplication = Pick<
  AidApplication,
  'applicantId' | 'orgId' | 'orgPath' | 'kind' | 'facts' | 'employer' | 'amountFen' | 'photoIds'
>;

/** Legal-aid and mediation applications with their steps (legal_aid_applications, legal_aid_steps). */
@Injectable()
export class AidRepository {
  constructor(
    @InjectRepository(AidApplication) private readonly applications: Repository<AidApplication>,
    @InjectRepository(AidStep) private readonly steps: Repository<AidStep>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The application, received, with its first step, in one transaction; answers the new id. */
  create(application: NewAidApplication): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(AidApplication, { ...application, status: 'received' });
      const applicationId = Number(identifiers[0].id);
      await manager.insert(AidStep, {
        applicationId,
        status: 'received',
        note: null,
        actorId: application.applicantId,
      });
      return applicationId;
    });
  }

  /**
   * Moves the application from `from` to `to` and records the step, in one transaction. The update is
   * conditional on `from`, so two staff deciding at once cannot both succeed: false for the later one.
   */
  move(id: number, from: AidStatus, to: AidStatus, note: string | null, actorId: number): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.update(AidApplication, { id, status: from }, { status: to });
      if (!affected) return false;
      await manager.insert(AidStep, { applicationId: id, status: to, note, actorId });
      return true;
    });
  }

  byId(id: number): Promise<AidApplication | null> {
    return this.applications.findOneBy({ id });
  }

  /** With the applicant and the org, for the view. */
  withPeople(id: number): Promise<AidApplication | null> {
    return this.applications.findOne({ where: { id }, relations: { applicant: true, org: true } });
  }

  /** The applicant's latest 100, newest first. */
  ofApplicant(applicantId: number): Promise<AidApplication[]> {
    return this.applications.find({
      where: { applicantId },
      relations: { applicant: true, org: true },
      order: { id: 'DESC' },
      take: 100,
    });
  }

  /** A page of the applications recorded in `scope`, newest first. */
  pageInScope(
    scope: OrgScope,
    status: AidStatus | undefined,
    skip: number,
    take: number,
  ): Promise<[AidApplication[], number]> {
    const qb = this.applications
      .createQueryBuilder('a')
      .leftJoinAndSelect('a.applicant', 'applicant')
      .leftJoinAndSelect('a.org', 'org')
      .orderBy('a.id', 'DESC')
      .skip(skip)
      .take(take);
    if (!scope.all) qb.andWhere(...OrgScopeService.pathCondition(scope, 'a.org_path'));
    if (status) qb.andWhere('a.status = :status', { status });
    return qb.getManyAndCount();
  }

  stepsOf(applicationId: number): Promise<AidStep[]> {
    return this.steps.find({ where: { applicationId }, order: { id: 'ASC' } });
  }

  /** Employer names a worker gave in their applications (what anonymising a case takes out). */
  async employersOf(applicantId: number): Promise<string[]> {
    return (await this.applications.findBy({ applicantId })).map((a) => a.employer);
  }

  /** An application by `ownerId` showing upload `uploadId`, if any. */
  showingPhoto(ownerId: number, uploadId: string): Promise<AidApplication | null> {
    return this.applications
      .createQueryBuilder('a')
      .where('a.applicant_id = :owner AND a.photo_ids LIKE :pattern', {
        owner: ownerId,
        pattern: `%${uploadId}%`,
      })
      .getOne();
  }
}
