import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RegisterStatus } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { isUniqueViolation } from '../../common/database/unique-violation';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { AssistanceRegisterEntry } from './entities/assistance-register-entry.entity';

export type NewRegisterEntry = Pick<
  AssistanceRegisterEntry,
  | 'userId'
  | 'orgId'
  | 'orgPath'
  | 'streetOrgId'
  | 'applicationId'
  | 'registeredBy'
  | 'noteCipher'
  | 'reviewDueAt'
>;

export interface RegisterFilter {
  scope: OrgScope;
  status?: RegisterStatus;
  dueBy?: Date;
  skip: number;
  take: number;
}

/** The register of families in hardship (建档). */
@Injectable()
export class RegisterRepository {
  constructor(
    @InjectRepository(AssistanceRegisterEntry) private readonly entries: Repository<AssistanceRegisterEntry>,
  ) {}

  /** The new entry's id, or null when the family is already on the register. */
  async insert(entry: NewRegisterEntry): Promise<number | null> {
    try {
      const { identifiers } = await this.entries.insert({
        ...entry,
        status: 'active',
        activeKey: entry.userId,
      });
      return Number(identifiers[0].id);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  byId(id: number): Promise<AssistanceRegisterEntry | null> {
    return this.entries.findOneBy({ id });
  }

  activeOf(userId: number): Promise<AssistanceRegisterEntry | null> {
    return this.entries.findOneBy({ activeKey: userId });
  }

  queue(filter: RegisterFilter): Promise<[AssistanceRegisterEntry[], number]> {
    const qb = this.entries
      .createQueryBuilder('r')
      .orderBy('r.review_due_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip(filter.skip)
      .take(filter.take);
    qb.andWhere(...OrgScopeService.pathCondition(filter.scope, 'r.org_path'));
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.dueBy) qb.andWhere("r.status = 'active' AND r.review_due_at <= :due", { due: filter.dueBy });
    return qb.getManyAndCount();
  }

  /** Records a yearly review of an active entry once; false when it was closed meanwhile. */
  async review(id: number, changes: Partial<AssistanceRegisterEntry>): Promise<boolean> {
    const result = await this.entries.update({ id, status: 'active' }, changes);
    return (result.affected ?? 0) > 0;
  }

  /** Active entries whose review is due and whose staff have not been reminded of this due date. */
  dueForReminder(now: Date, take: number): Promise<AssistanceRegisterEntry[]> {
    return this.entries
      .createQueryBuilder('r')
      .where("r.status = 'active' AND r.review_due_at <= :now", { now })
      .andWhere('(r.reminded_for IS NULL OR r.reminded_for <> r.review_due_at)')
      .orderBy('r.review_due_at', 'ASC')
      .take(take)
      .getMany();
  }

  /**
   * Claims the reminder for this due date: true for exactly one caller however many instances run the job
   * at once (a conditional UPDATE), so staff hear of each yearly review once.
   */
  async claimReminder(entry: AssistanceRegisterEntry): Promise<boolean> {
    const result = await this.entries
      .createQueryBuilder()
      .update()
      .set({ remindedFor: entry.reviewDueAt })
      .where('id = :id AND review_due_at = :due', { id: entry.id, due: entry.reviewDueAt })
      .andWhere('(reminded_for IS NULL OR reminded_for <> review_due_at)')
      .execute();
    return (result.affected ?? 0) > 0;
  }
}
