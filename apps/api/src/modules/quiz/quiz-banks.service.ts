import { Injectable } from '@nestjs/common';
import type { BankView, ImportResult, OptionKey, QuestionBody, QuestionView } from '@jingcai/shared';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { AppException } from '../../common/errors/app-exception';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import { type CreateBankDto } from './dto/create-bank.dto';
import { BanksRepository } from './banks.repository';
import type { Campaign, DrawnQuestion, Question, QuestionBank } from './entities/quiz.entities';
import { JUDGE_OPTIONS, parseQuestions, readSheet } from './question-import';

/** How long another API instance may draw and score from a bank's previous version after an edit. */
const POOL_CACHE_MS = 30_000;

@Injectable()
export class QuizBanksService {
  /** Every start draws from a bank and every submit scores against it: held in memory, not re-read. */
  private readonly pools = new TtlCache<number, Question[]>(POOL_CACHE_MS);

  constructor(
    private readonly banks: BanksRepository,
    private readonly scope: OrgScopeService,
  ) {}

  /** Every question of a bank, answers included (for drawing and scoring only, never sent as is). */
  pool(bankId: number): Promise<Question[]> {
    return this.pools.get(bankId, () => this.banks.questionsIn(bankId));
  }

  /** The pools of a campaign's banks, by bank id. */
  async poolsOf(campaign: Pick<Campaign, 'draw'>): Promise<Map<number, Question[]>> {
    const pools = new Map<number, Question[]>();
    for (const rule of campaign.draw)
      if (!pools.has(rule.bankId)) pools.set(rule.bankId, await this.pool(rule.bankId));
    return pools;
  }

  /** An attempt's questions from the campaign's cached banks; any no longer there, from the database. */
  async ofAttempt(campaign: Pick<Campaign, 'draw'> | null, drawn: DrawnQuestion[]): Promise<Map<number, Question>> {
    const wanted = new Set(drawn.map((d) => d.id));
    const found = new Map<number, Question>();
    for (const bankId of new Set(campaign?.draw.map((rule) => rule.bankId) ?? [])) {
      for (const q of await this.pool(bankId)) if (wanted.has(q.id)) found.set(q.id, q);
    }
    const missing = [...wanted].filter((id) => !found.has(id));
    for (const q of await this.banks.questionsByIds(missing)) found.set(q.id, q);
    return found;
  }

  async create(staff: AuthUser, dto: CreateBankDto): Promise<BankView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    return this.view(await this.banks.createBank({ name: dto.name, ownerOrgId: dto.ownerOrgId }));
  }

  async list(staff: AuthUser): Promise<BankView[]> {
    const scope = await this.scope.scopeOf(staff);
    const banks = await this.banks.banksWithOwner();
    const visible = banks.filter((b) => this.scope.contains(scope, b.ownerOrg!));
    return Promise.all(visible.map((b) => this.view(b.id)));
  }

  async questionsOf(staff: AuthUser, bankId: number): Promise<QuestionView[]> {
    await this.managed(staff, bankId);
    return (await this.banks.questionsIn(bankId)).map(toQuestionView);
  }

  async addQuestion(staff: AuthUser, bankId: number, body: QuestionBody): Promise<QuestionView> {
    await this.managed(staff, bankId);
    const problem = questionProblem(body);
    if (problem)
      throw new AppException('VALIDATION_FAILED', problem, [
        { field: 'answer', message: problem },
      ]);
    const saved = await this.banks.addQuestion(toRow(bankId, body));
    this.pools.delete(bankId);
    return toQuestionView(saved);
  }

  async updateQuestion(staff: AuthUser, id: number, body: QuestionBody): Promise<QuestionView> {
    const question = await this.banks.question(id);
    if (!question) throw AppException.notFound('题目不存在');
    await this.managed(staff, question.bankId);
    const problem = questionProblem(body);
    if (problem)
      throw new AppException('VALIDATION_FAILED', problem, [
        { field: 'answer', message: problem },
      ]);
    const updated = await this.banks.updateQuestion(id, toRow(question.bankId, body));
    this.pools.delete(question.bankId);
    return toQuestionView(updated);
  }

  async deleteQuestion(staff: AuthUser, id: number): Promise<void> {
    const question = await this.banks.question(id);
    if (!question) throw AppException.notFound('题目不存在');
    await this.managed(staff, question.bankId);
    await this.banks.deleteQuestion(id);
    this.pools.delete(question.bankId);
  }

  /** All or nothing: every row is checked first; one transaction inserts them in chunks. */
  async import(staff: AuthUser, bankId: number, file: Buffer, filename: string): Promise<ImportResult> {
    await this.managed(staff, bankId);
    let rows: string[][];
    try {
      rows = await readSheet(file, filename);
    } catch {
      throw new AppException(
        'VALIDATION_FAILED',
        '无法读取文件，请使用模板填写后上传 .xlsx 或 .csv',
        [{ field: 'file', message: '文件格式不正确' }],
      );
    }
    const parsed = parseQuestions(rows);
    if ('errors' in parsed) return parsed;
    await this.banks.insertQuestions(parsed.questions.map((q) => toRow(bankId, q)));
    this.pools.delete(bankId);
    return { imported: parsed.questions.length };
  }

  async managed(staff: AuthUser, bankId: number): Promise<QuestionBank> {
    const bank = await this.banks.bankWithOwner(bankId);
    if (!bank || !this.scope.contains(await this.scope.scopeOf(staff), bank.ownerOrg!))
      throw AppException.notFound('题库不存在');
    return bank;
  }

  private async view(id: number): Promise<BankView> {
    const bank = await this.banks.bankWithOwner(id);
    if (!bank) throw AppException.notFound('题库不存在');
    return {
      id: bank.id,
      name: bank.name,
      ownerOrg: toOrgSummary(bank.ownerOrg!),
      questionCount: await this.banks.countIn(id),
    };
  }
}

/** What the DTO's shape checks cannot see: options and answer agreeing with the type. */
function questionProblem(body: QuestionBody): string | null {
  const keys = body.options.map((o) => o.key).join('');
  if (body.type !== 'judge' && !'ABCDEF'.startsWith(keys)) return '选项需从 A 开始连续排列';
  const options = body.type === 'judge' ? JUDGE_OPTIONS : body.options;
  if (body.answer.some((k) => !options.some((o) => o.key === k))) return '答案不在选项中';
  if (body.type !== 'multiple' && body.answer.length !== 1) return '单选题和判断题只能有一个答案';
  if (body.type === 'multiple' && body.answer.length < 2) return '多选题至少有两个答案';
  return null;
}

function toRow(bankId: number, q: QuestionBody): Partial<Question> {
  return {
    bankId,
    type: q.type,
    stem: q.stem,
    options: q.type === 'judge' ? JUDGE_OPTIONS : q.options,
    answer: [...new Set(q.answer)].sort().join(''),
    explanation: q.explanation,
    tags: q.tags,
    difficulty: q.difficulty,
  };
}

export function toQuestionView(q: Question): QuestionView {
  return {
    id: q.id,
    bankId: q.bankId,
    type: q.type,
    stem: q.stem,
    options: q.options,
    answer: q.answer.split('') as OptionKey[],
    explanation: q.explanation,
    tags: q.tags,
    difficulty: q.difficulty,
  };
}
