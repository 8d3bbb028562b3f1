import { Injectable } from '@nestjs/common';
import { LEGAL_CATEGORIES, LEGAL_CATEGORY_LABELS, type LegalCaseView, type Page } from '@jingcai/shared';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { OrgsRepository } from '../orgs/orgs.repository';
import { UsersRepository } from '../users/users.repository';
import { AidRepository } from './aid.repository';
import { anonymise } from './anonymise';
import { CasesRepository } from './cases.repository';
import type { CaseQueryDto } from './dto/case-query.dto';
import type { CreateLegalCaseDto } from './dto/create-legal-case.dto';
import type { UpdateLegalCaseDto } from './dto/update-legal-case.dto';
import type { LegalCase } from './entities/legal.entities';
import { LegalQuestionsService } from './legal-questions.service';
import { QuestionsRepository } from './questions.repository';

/** How long a search result may miss a case published on another API instance. */
const SEARCH_CACHE_MS = 30_000;

/** The case library (典型案例): staff write and publish; every worker browses and searches what is published. */
@Injectable()
export class LegalCasesService {
  /** Workers search the same few words over and over; the published library changes a few times a week. */
  private readonly published = new TtlCache<string, [LegalCase[], number]>(SEARCH_CACHE_MS);

  constructor(
    private readonly cases: CasesRepository,
    private readonly questions: QuestionsRepository,
    private readonly aid: AidRepository,
    private readonly users: UsersRepository,
    private readonly orgs: OrgsRepository,
    private readonly scope: OrgScopeService,
    private readonly legalQuestions: LegalQuestionsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Published cases by category and a Chinese substring over title and text (LIKE, escaped): a district
   * library holds thousands of cases, which a scan answers in milliseconds without a tokenizer for Chinese.
   * Staff may also list drafts of their subtree.
   */
  async search(user: AuthUser, query: CaseQueryDto): Promise<Page<LegalCaseView>> {
    const drafts = query.status === 'draft';
    if (drafts && !isStaff(user)) throw AppException.forbidden();
    const q = query.q;
    const search = {
      draftsIn: drafts ? await this.scope.scopeOf(user) : undefined,
      category: query.category,
      text: q,
      // A worker types 欠薪 or 工伤 more often than the words a case happens to use: match category names too.
      orCategories: q
        ? LEGAL_CATEGORIES.filter((category) => LEGAL_CATEGORY_LABELS[category].includes(q))
        : [],
      skip: query.skip,
      take: query.pageSize,
    };
    const [rows, total] = drafts
      ? await this.cases.search(search)
      : await this.published.get(JSON.stringify([query.category, query.q, query.page, query.pageSize]), () =>
          this.cases.search(search),
        );
    return {
      items: rows.map((c) => toCaseView(c, isStaff(user))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(user: AuthUser, id: number): Promise<LegalCaseView> {
    const found = await this.cases.withOwner(id);
    const visible =
      found &&
      (found.status === 'published' ||
        (isStaff(user) && this.scope.contains(await this.scope.scopeOf(user), found.ownerOrg!)));
    if (!visible) throw AppException.notFound('案例不存在');
    return toCaseView(found, isStaff(user));
  }

  async create(
    staff: AuthUser,
    dto: CreateLegalCaseDto,
    sourceQuestionId: number | null = null,
  ): Promise<LegalCaseView> {
    const ownerOrgId = await this.ownerOrgOf(staff);
    const id = await this.cases.createDraft(
      { title: dto.title, category: dto.category, facts: dto.facts, outcome: dto.outcome, law: dto.law },
      ownerOrgId,
      staff.id,
      sourceQuestionId,
    );
    return this.get(staff, id);
  }

  async update(staff: AuthUser, id: number, dto: UpdateLegalCaseDto): Promise<LegalCaseView> {
    await this.managed(staff, id);
    await this.cases.update(id, dto);
    this.published.clear();
    return this.get(staff, id);
  }

  async publish(staff: AuthUser, id: number): Promise<LegalCaseView> {
    await this.managed(staff, id);
    await this.cases.publish(id, this.clock.now());
    this.published.clear();
    return this.get(staff, id);
  }

  async unpublish(staff: AuthUser, id: number): Promise<LegalCaseView> {
    await this.managed(staff, id);
    await this.cases.unpublish(id);
    this.published.clear();
    return this.get(staff, id);
  }

  /**
   * A draft case from a closed question whose asker allowed publication, with names, phones, ID numbers
   * and employers taken out. It stays a draft: staff read and edit it before publishing.
   */
  async draftFromQuestion(staff: AuthUser, questionId: number): Promise<LegalCaseView> {
    const question = await this.questions.byId(questionId);
    if (!question || !(await this.legalQuestions.canStaffRead(staff, question.orgPath))) {
      throw AppException.notFound('咨询不存在');
    }
    if (question.status !== 'closed') throw new AppException('CASE_NOT_READY', '咨询结束后才能整理为案例');
    if (!question.publicAllowed) throw new AppException('CASE_NOT_READY', '提问人未同意公开，不能整理为案例');
    const thread = await this.questions.thread(questionId);
    const people = await this.users.listed(thread.map((m) => m.authorId));
    const known = {
      people: [...people.values()].flatMap((p) =>
        [p.realName, p.nickname].filter((n): n is string => Boolean(n)),
      ),
      employers: await this.aid.employersOf(question.askerId),
    };
    const text = (role: 'asker' | 'answer') =>
      thread
        .filter((m) => (role === 'asker' ? m.authorRole === 'asker' : m.authorRole !== 'asker'))
        .map((m) => anonymise(m.body, known))
        .join('\n\n');
    return this.create(
      staff,
      {
        title: anonymise(question.title, known),
        category: question.category,
        facts: text('asker') || LEGAL_CATEGORY_LABELS[question.category],
        outcome: text('answer'),
        law: '',
      },
      questionId,
    );
  }

  private async managed(staff: AuthUser, id: number): Promise<LegalCase> {
    const found = await this.cases.withOwner(id);
    if (!found || !this.scope.contains(await this.scope.scopeOf(staff), found.ownerOrg!)) {
      throw AppException.notFound('案例不存在');
    }
    return found;
  }

  /** A case belongs to the org the staff member manages (admins: the district at the root). */
  private async ownerOrgOf(staff: AuthUser): Promise<number> {
    const granted = staff.grants.find((g) => g.role === 'staff' && g.orgId !== null)?.orgId;
    if (granted) return granted;
    const root = await this.orgs.rootId();
    if (root === null) throw new AppException('NO_ROOT_ORG', '尚未建立组织，不能发布案例');
    return root;
  }
}

function isStaff(user: AuthUser): boolean {
  return isAdmin(user) || hasRole(user, 'staff');
}

function toCaseView(c: LegalCase, forStaff: boolean): LegalCaseView {
  return {
    id: c.id,
    title: c.title,
    category: c.category,
    facts: c.facts,
    outcome: c.outcome,
    law: c.law,
    status: c.status,
    sourceQuestionId: forStaff ? c.sourceQuestionId : null,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
  };
}
