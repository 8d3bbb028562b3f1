import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { LegalCategory, LegalQuestionStatus } from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import { withDeadlockRetry } from '../../common/database/deadlock-retry';
import { OrgScopeService, type OrgScope } from '../orgs/org-scope.service';
import { LegalMessage, LegalQuestion } from './entities/legal.entities';
import { OPEN_STATUSES, type QuestionAfterMessage } from './question-rules';

/** A new question as the asker sends it; its body becomes the thread's first message. */
export type NewQuestion = Pick<
  LegalQuestion,
  'askerId' | 'orgId' | 'orgPath' | 'category' | 'title' | 'publicAllowed' | 'dueAt'
> & { body: string; photoIds: string[]; at: Date };

export type NewMessage = Pick<LegalMessage, 'authorId' | 'authorRole' | 'body' | 'photoIds' | 'createdAt'>;

/** Who may see a question: everything the access rule needs, nothing more. */
export type QuestionParties = Pick<LegalQuestion, 'id' | 'askerId' | 'assigneeId' | 'orgPath'>;

/** The workbench list: what is assigned to `assigneeId`, plus what lies in `scope` (all, for admins). */
export interface WorkbenchFilter {
  assigneeId: number;
  scope: OrgScope;
  status?: LegalQuestionStatus;
  category?: LegalCategory;
  /** true: past due at `now`; false: not (or no due time); undefined: both. */
  overdue?: boolean;
  now: Date;
  skip: number;
  take: number;
}

/** Questions and their threads (legal_questions, legal_messages). */
@Injectable()
export class QuestionsRepository {
  constructor(
    @InjectRepository(LegalQuestion) private readonly questions: Repository<LegalQuestion>,
    @InjectRepository(LegalMessage) private readonly messages: Repository<LegalMessage>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The question and its first message in one transaction; answers the new id. */
  create(question: NewQuestion): Promise<number> {
    const { body, photoIds, at, ...fields } = question;
    return this.dataSource.transaction(async (manager) => {
      const { identifiers } = await manager.insert(LegalQuestion, {
        ...fields,
        status: 'new',
        lastMessageAt: at,
        askerReadAt: at,
      });
      const questionId = Number(identifiers[0].id);
      await manager.insert(LegalMessage, {
        questionId,
        authorId: question.askerId,
        authorRole: 'asker',
        body,
        photoIds,
        createdAt: at,
      });
      return questionId;
    });
  }

  /**
   * The message and the question's new state in one transaction, or null when the question was closed
   * meanwhile. The question row first: its exclusive lock comes before the message's foreign-key check
   * would take a shared one, so an answer and a follow-up arriving together queue instead of deadlocking.
   */
  addMessage(questionId: number, change: QuestionAfterMessage, message: NewMessage): Promise<number | null> {
    return withDeadlockRetry(() =>
      this.dataSource.transaction(async (manager) => {
        const { affected } = await manager.update(
          LegalQuestion,
          { id: questionId, status: In([...OPEN_STATUSES]) },
          change,
        );
        if (!affected) return null;
        const { identifiers } = await manager.insert(LegalMessage, { ...message, questionId });
        return Number(identifiers[0].id);
      }),
    );
  }

  byId(id: number): Promise<LegalQuestion | null> {
    return this.questions.findOneBy({ id });
  }

  parties(id: number): Promise<QuestionParties | null> {
    return this.questions.findOne({
      select: { id: true, askerId: true, assigneeId: true, orgPath: true },
      where: { id },
    });
  }

  /** With the asker, the assignee and the org, for the full view. */
  withPeople(id: number): Promise<LegalQuestion> {
    return this.questions.findOneOrFail({
      where: { id },
      relations: { asker: true, assignee: true, org: true },
    });
  }

  /** A page of the asker's own questions, latest activity first. */
  pageOfAsker(askerId: number, skip: number, take: number): Promise<[LegalQuestion[], number]> {
    return this.questions.findAndCount({
      where: { askerId },
      relations: { asker: true, assignee: true },
      order: { lastMessageAt: 'DESC', id: 'DESC' },
      skip,
      take,
    });
  }

  /** A page of the workbench, latest activity first, with asker and assignee. */
  workbench(filter: WorkbenchFilter): Promise<[LegalQuestion[], number]> {
    const qb = this.questions
      .createQueryBuilder('q')
      .leftJoinAndSelect('q.asker', 'asker')
      .leftJoinAndSelect('q.assignee', 'assignee')
      .orderBy('q.last_message_at', 'DESC')
      .addOrderBy('q.id', 'DESC')
      .skip(filter.skip)
      .take(filter.take);
    if (!filter.scope.all) {
      const [staffCondition, params] = OrgScopeService.pathCondition(filter.scope, 'q.org_path');
      qb.andWhere(`(q.assignee_id = :me OR ${staffCondition})`, { me: filter.assigneeId, ...params });
    }
    if (filter.status) qb.andWhere('q.status = :status', { status: filter.status });
    if (filter.category) qb.andWhere('q.category = :category', { category: filter.category });
    if (filter.overdue === true) qb.andWhere('q.due_at < :now', { now: filter.now });
    if (filter.overdue === false) qb.andWhere('(q.due_at IS NULL OR q.due_at >= :now)', { now: filter.now });
    return qb.getManyAndCount();
  }

  async markReadByAsker(id: number, at: Date): Promise<void> {
    await this.questions.update(id, { askerReadAt: at });
  }

  /** Hands an open question to `assigneeId`; a new one becomes assigned. */
  async assign(id: number, assigneeId: number, wasNew: boolean): Promise<void> {
    await this.questions.update(
      { id, status: In([...OPEN_STATUSES]) },
      { assigneeId, ...(wasNew ? { status: 'assigned' as const } : {}) },
    );
  }

  /** Closes an open question with the asker's rating; false when it was closed already. */
  async close(id: number, rating: number, comment: string | null): Promise<boolean> {
    const { affected } = await this.questions.update(
      { id, status: In([...OPEN_STATUSES]) },
      { status: 'closed', dueAt: null, rating, ratingComment: comment },
    );
    return Boolean(affected);
  }

  /** The thread, oldest first. */
  thread(questionId: number): Promise<LegalMessage[]> {
    return this.messages.find({ where: { questionId }, order: { id: 'ASC' } });
  }

  message(id: number): Promise<LegalMessage> {
    return this.messages.findOneByOrFail({ id });
  }

  /** Whether a lawyer or staff has answered at all. */
  hasAnswer(questionId: number): Promise<boolean> {
    return this.messages.existsBy({ questionId, authorRole: In(['lawyer', 'staff']) });
  }

  /** Answers the asker has not opened yet, per question (questions without any are left out). */
  async unreadAnswers(questionIds: number[]): Promise<Map<number, number>> {
    const unread = new Map<number, number>();
    if (!questionIds.length) return unread;
    const counts = await this.messages
      .createQueryBuilder('m')
      .innerJoin(LegalQuestion, 'q', 'q.id = m.question_id')
      .select('m.question_id', 'questionId')
      .addSelect('COUNT(*)', 'count')
      .where('m.question_id IN (:...ids)', { ids: questionIds })
      .andWhere("m.author_role <> 'asker'")
      .andWhere('(q.asker_read_at IS NULL OR m.created_at > q.asker_read_at)')
      .groupBy('m.question_id')
      .getRawMany<{ questionId: number | string; count: number | string }>();
    for (const c of counts) unread.set(Number(c.questionId), Number(c.count));
    return unread;
  }

  /** A message by `ownerId` showing upload `uploadId`, if any. */
  messageShowing(ownerId: number, uploadId: string): Promise<LegalMessage | null> {
    return this.messages
      .createQueryBuilder('m')
      .where('m.author_id = :owner AND m.photo_ids LIKE :pattern', {
        owner: ownerId,
        pattern: `%${uploadId}%`,
      })
      .getOne();
  }
}
