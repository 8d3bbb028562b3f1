import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LEGAL_CATEGORIES, LEGAL_CATEGORY_LABELS, type LegalCaseView, type Page } from '@jingcai/shared';
import { In, Repository } from 'typeorm';
import { hasRole, isAdmin, type AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { Clock } from '../../common/clock';
import { containsPattern } from '../../common/database/like';
import { AppException } from '../../common/errors/app-exception';
import { OrgScopeService } from '../orgs/org-scope.service';
import { User } from '../users/entities/user.entity';
import { anonymise } from './anonymise';
import type { CaseQueryDto, LegalCaseDto, LegalCasePatchDto } from './dto/legal.dto';
import { AidApplication, LegalCase, LegalMessage, LegalQuestion } from './entities/legal.entities';
import { LegalQuestionsService } from './legal-questions.service';

/** How long a search result may miss a case published on another API instance. */
const SEARCH_CACHE_MS = 30_000;

/** The case library (典型案例): staff write and publish; every worker browses and searches what is published. */
@Injectable()
export class LegalCasesService {
  /** Workers search the same few words over and over; the published library changes a few times a week. */
  private readonly published = new TtlCache<string, [LegalCase[], number]>(SEARCH_CACHE_MS);

  constructor(
    @InjectRepository(LegalCase) private readonly cases: Repository<LegalCase>,
    @InjectRepository(LegalQuestion) private readonly questions: Repository<LegalQuestion>,
    @InjectRepository(LegalMessage) private readonly messages: Repository<LegalMessage>,
    @InjectRepository(AidApplication) private readonly aid: Repository<AidApplication>,
    @InjectRepository(User) private readonly users: Repository<User>,
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
    const qb = this.cases
      .createQueryBuilder('c')
      .where('c.status = :status', { status: drafts ? 'draft' : 'published' })
      .orderBy(drafts ? 'c.id' : 'c.published_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(query.skip)
      .take(query.pageSize);
    if (drafts) {
      if (!isStaff(user)) throw AppException.forbidden();
      const [condition, params] = OrgScopeService.pathCondition(await this.scope.scopeOf(user), 'o.path');
      qb.innerJoin('c.ownerOrg', 'o').andWhere(condition, params);
    }
    if (query.category) qb.andWhere('c.category = :category', { category: query.category });
    if (query.q) {
      // A worker types 欠薪 or 工伤 more often than the words a case happens to use: match category names too.
      const q = query.q;
      const categories = LEGAL_CATEGORIES.filter((category) => LEGAL_CATEGORY_LABELS[category].includes(q));
      qb.andWhere(
        `(c.title LIKE :q ESCAPE '!' OR c.facts LIKE :q ESCAPE '!' OR c.outcome LIKE :q ESCAPE '!' OR c.law LIKE :q ESCAPE '!'${
          categories.length ? ' OR c.category IN (:...categories)' : ''
        })`,
        { q: containsPattern(q), categories },
      );
    }
    const [rows, total] = drafts
      ? await qb.getManyAndCount()
      : await this.published.get(JSON.stringify([query.category, query.q, query.page, query.pageSize]), () =>
          qb.getManyAndCount(),
        );
    return {
      items: rows.map((c) => toCaseView(c, isStaff(user))),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(user: AuthUser, id: number): Promise<LegalCaseView> {
    const found = await this.cases.findOne({ where: { id }, relations: { ownerOrg: true } });
    const visible =
      found &&
      (found.status === 'published' ||
        (isStaff(user) && this.scope.contains(await this.scope.scopeOf(user), found.ownerOrg!)));
    if (!visible) throw AppException.notFound('案例不存在');
    return toCaseView(found, isStaff(user));
  }

  async create(
    staff: AuthUser,
    dto: LegalCaseDto,
    sourceQuestionId: number | null = null,
  ): Promise<LegalCaseView> {
    const ownerOrgId = await this.ownerOrgOf(staff);
    const { identifiers } = await this.cases.insert({
      ...dto,
      status: 'draft',
      sourceQuestionId,
      ownerOrgId,
      createdBy: staff.id,
    });
    return this.get(staff, Number(identifiers[0].id));
  }

  async update(staff: AuthUser, id: number, dto: LegalCasePatchDto): Promise<LegalCaseView> {
    await this.managed(staff, id);
    if (Object.keys(dto).length) await this.cases.update(id, dto);
    this.published.clear();
    return this.get(staff, id);
  }

  async publish(staff: AuthUser, id: number): Promise<LegalCaseView> {
    await this.managed(staff, id);
    await this.cases.update({ id, status: 'draft' }, { status: 'published', publishedAt: this.clock.now() });
    this.published.clear();
    return this.get(staff, id);
  }

  async unpublish(staff: AuthUser, id: number): Promise<LegalCaseView> {
    await this.managed(staff, id);
    await this.cases.update({ id, status: 'published' }, { status: 'draft', publishedAt: null });
    this.published.clear();
    return this.get(staff, id);
  }

  /**
   * A draft case from a closed question whose asker allowed publication, with names, phones, ID numbers
   * and employers taken out. It stays a draft: staff read and edit it before publishing.
   */
  async draftFromQuestion(staff: AuthUser, questionId: number): Promise<LegalCaseView> {
    const question = await this.questions.findOneBy({ id: questionId });
    if (!question || !(await this.legalQuestions.canStaffRead(staff, question.orgPath))) {
      throw AppException.notFound('咨询不存在');
    }
    if (question.status !== 'closed') throw new AppException('CASE_NOT_READY', '咨询结束后才能整理为案例');
    if (!question.publicAllowed) throw new AppException('CASE_NOT_READY', '提问人未同意公开，不能整理为案例');
    const thread = await this.messages.find({ where: { questionId }, order: { id: 'ASC' } });
    const people = await this.users.findBy({ id: In([...new Set(thread.map((m) => m.authorId))]) });
    const employers = (await this.aid.findBy({ applicantId: question.askerId })).map((a) => a.employer);
    const known = {
      people: people.flatMap((p) => [p.realName, p.nickname].filter((n): n is string => Boolean(n))),
      employers,
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
    const found = await this.cases.findOne({ where: { id }, relations: { ownerOrg: true } });
    if (!found || !this.scope.contains(await this.scope.scopeOf(staff), found.ownerOrg!)) {
      throw AppException.notFound('案例不存在');
    }
    return found;
  }

  /** A case belongs to the org the staff member manages (admins: the district at the root). */
  private async ownerOrgOf(staff: AuthUser): Promise<number> {
    const granted = staff.grants.find((g) => g.role === 'staff' && g.orgId !== null)?.orgId;
    if (granted) return granted;
    const root = await this.questions.manager.query<Array<{ id: number }>>(
      'SELECT id FROM orgs WHERE parent_id IS NULL ORDER BY id LIMIT 1',
    );
    if (!root.length) throw new AppException('NO_ROOT_ORG', '尚未建立组织，不能发布案例');
    return Number(root[0].id);
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
