import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AssistanceKind, AssistanceStatus, ViewLogAction } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { AssistanceApplication } from './entities/assistance-application.entity';
import { AssistanceEvent } from './entities/assistance-event.entity';
import { AssistanceViewLog } from './entities/assistance-view-log.entity';

export type NewApplication = Pick<
  AssistanceApplication,
  | 'applicantId'
  | 'filedBy'
  | 'consentRecordedAt'
  | 'orgId'
  | 'orgPath'
  | 'streetOrgId'
  | 'kind'
  | 'familySituationCipher'
  | 'householdSize'
  | 'incomeCipher'
  | 'reasonsCipher'
  | 'documentIdsCipher'
>;

export type ApplicationChanges = Partial<Omit<AssistanceApplication, 'id' | 'createdAt' | 'updatedAt'>>;
export type NewEvent = Pick<AssistanceEvent, 'applicationId' | 'action' | 'step' | 'actorId' | 'noteCipher'>;

export interface ApplicationFilter {
  scope: OrgScope;
  status?: AssistanceStatus;
  kind?: AssistanceKind;
  skip: number;
  take: number;
}

/** The most rows one export holds; a district's yearly applications are far fewer. */
export const EXPORT_LIMIT = 10_000;

/** While open (not granted or withdrawn) an application holds its applicant's key for its kind. */
export function activeKeyOf(applicantId: number, kind: AssistanceKind): string {
  return `${applicantId}:${kind}`;
}

/** Hardship applications, their review history and the log of staff views. */
@Injectable()
export class ApplicationsRepository {
  constructor(
    @InjectRepository(AssistanceApplication) private readonly applications: Repository<AssistanceApplication>,
    @InjectRepository(AssistanceEvent) private readonly events: Repository<AssistanceEvent>,
    @InjectRepository(AssistanceViewLog) private readonly views: Repository<AssistanceViewLog>,
  ) {}

  /** The new application's id, or null when the applicant already has an open one of this kind. */
  async insert(row: NewApplication): Promise<number | null> {
    try {
      const { identifiers } = await this.applications.insert({
        ...row,
        status: 'submitted',
        activeKey: activeKeyOf(row.applicantId, row.kind),
      });
      return Number(identifiers[0].id);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  byId(id: number): Promise<AssistanceApplication | null> {
    return this.applications.findOneBy({ id });
  }

  pageOfApplicant(
    applicantId: number,
    skip: number,
    take: number,
  ): Promise<[AssistanceApplication[], number]> {
    return this.applications.findAndCount({ where: { applicantId }, order: { id: 'DESC' }, skip, take });
  }

  /** Every application a person applied for, filed or visited: where their uploads may be shown. */
  involving(userId: number): Promise<AssistanceApplication[]> {
    return this.applications.find({
      where: [{ applicantId: userId }, { filedBy: userId }, { visitBy: userId }],
    });
  }

  /** Staff lists: in scope, newest first. */
  queue(filter: ApplicationFilter): Promise<[AssistanceApplication[], number]> {
    return this.filtered(filter).skip(filter.skip).take(filter.take).getManyAndCount();
  }

  /** The same rows for an export (at most EXPORT_LIMIT). */
  forExport(filter: Omit<ApplicationFilter, 'skip' | 'take'>): Promise<AssistanceApplication[]> {
    return this.filtered({ ...filter, skip: 0, take: EXPORT_LIMIT })
      .take(EXPORT_LIMIT)
      .getMany();
  }

  /**
   * Applies `changes` only if the application is still in status `from`: each step happens once, however
   * many reviewers press the button at once. False when someone else moved it first.
   */
  async transition(id: number, from: AssistanceStatus, changes: ApplicationChanges): Promise<boolean> {
    const result = await this.applications.update({ id, status: from }, changes);
    return (result.affected ?? 0) > 0;
  }

  /** A resubmission, which takes the applicant's key again; null when another open application of the kind holds it. */
  async resubmit(id: number, activeKey: string, changes: ApplicationChanges): Promise<boolean | null> {
    try {
      return await this.transition(id, 'returned', { ...changes, activeKey });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async addEvent(event: NewEvent): Promise<void> {
    await this.events.insert(event);
  }

  eventsOf(applicationId: number): Promise<AssistanceEvent[]> {
    return this.events.find({ where: { applicationId }, order: { id: 'ASC' } });
  }

  /** One row per application read (or exported) with its sensitive fields. */
  async logViews(applicationIds: readonly number[], viewerId: number, action: ViewLogAction): Promise<void> {
    if (!applicationIds.length) return;
    await this.views.insert(applicationIds.map((applicationId) => ({ applicationId, viewerId, action })));
  }

  viewsOf(applicationId: number): Promise<AssistanceViewLog[]> {
    return this.views.find({ where: { applicationId }, order: { id: 'DESC' }, take: 500 });
  }

  private filtered(filter: ApplicationFilter) {
    const qb = this.applications.createQueryBuilder('a').orderBy('a.id', 'DESC');
    qb.andWhere(...OrgScopeService.pathCondition(filter.scope, 'a.org_path'));
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    return qb;
  }
}
