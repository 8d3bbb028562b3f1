import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { LegalCategory } from '@jingcai/shared';
import { Repository } from 'typeorm';
import { containsPattern } from '../../common/database/like';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { LegalCase } from './entities/legal.entities';

/** A case library search: published cases, or the drafts owned inside `draftsIn`. */
export interface CaseSearch {
  /** Drafts of this scope instead of published cases. */
  draftsIn?: OrgScope;
  category?: LegalCategory;
  /** A substring of title, facts, outcome or law… */
  text?: string;
  /** …or one of these categories (whose names hold the text). */
  orCategories: readonly LegalCategory[];
  skip: number;
  take: number;
}

export type CaseFields = Pick<LegalCase, 'title' | 'category' | 'facts' | 'outcome' | 'law'>;

/** The case library (legal_cases). */
@Injectable()
export class CasesRepository {
  constructor(@InjectRepository(LegalCase) private readonly cases: Repository<LegalCase>) {}

  /**
   * By category and a Chinese substring (LIKE, escaped): a district library holds thousands of cases,
   * which a scan answers in milliseconds without a tokenizer for Chinese. Published ones by publication
   * date, drafts by id, newest first.
   */
  search(search: CaseSearch): Promise<[LegalCase[], number]> {
    const drafts = search.draftsIn !== undefined;
    const qb = this.cases
      .createQueryBuilder('c')
      .where('c.status = :status', { status: drafts ? 'draft' : 'published' })
      .orderBy(drafts ? 'c.id' : 'c.published_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(search.skip)
      .take(search.take);
    if (search.draftsIn) {
      const [condition, params] = OrgScopeService.pathCondition(search.draftsIn, 'o.path');
      qb.innerJoin('c.ownerOrg', 'o').andWhere(condition, params);
    }
    if (search.category) qb.andWhere('c.category = :category', { category: search.category });
    if (search.text) {
      const categories = search.orCategories;
      qb.andWhere(
        `(c.title LIKE :q ESCAPE '!' OR c.facts LIKE :q ESCAPE '!' OR c.outcome LIKE :q ESCAPE '!' OR c.law LIKE :q ESCAPE '!'${
          categories.length ? ' OR c.category IN (:...categories)' : ''
        })`,
        { q: containsPattern(search.text), categories },
      );
    }
    return qb.getManyAndCount();
  }

  /** With its owner org (for the staff scope check). */
  withOwner(id: number): Promise<LegalCase | null> {
    return this.cases.findOne({ where: { id }, relations: { ownerOrg: true } });
  }

  /** A draft; answers the new id. */
  async createDraft(
    fields: CaseFields,
    ownerOrgId: number,
    createdBy: number,
    sourceQuestionId: number | null,
  ): Promise<number> {
    const { identifiers } = await this.cases.insert({
      ...fields,
      status: 'draft',
      sourceQuestionId,
      ownerOrgId,
      createdBy,
    });
    return Number(identifiers[0].id);
  }

  async update(id: number, fields: Partial<CaseFields>): Promise<void> {
    if (Object.keys(fields).length) await this.cases.update(id, fields);
  }

  async publish(id: number, at: Date): Promise<void> {
    await this.cases.update({ id, status: 'draft' }, { status: 'published', publishedAt: at });
  }

  async unpublish(id: number): Promise<void> {
    await this.cases.update({ id, status: 'published' }, { status: 'draft', publishedAt: null });
  }
}
