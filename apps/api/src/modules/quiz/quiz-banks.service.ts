import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { BankView, ImportResult, OptionKey, QuestionBody, QuestionView } from '@jingcai/shared';
import { DataSource, Repository } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { TtlCache } from '../../common/cache/ttl-cache';
import { AppException } from '../../common/errors/app-exception';
import { toOrgSummary } from '../orgs/org.mapper';
import { OrgScopeService } from '../orgs/org-scope.service';
import type { CreateBankDto } from './dto/quiz.dto';
import { Question, QuestionBank } from './entities/quiz.entities';
import { JUDGE_OPTIONS, parseQuestions, readSheet } from './question-import';

const INSERT_CHUNK = 500;

/** How long another API instance may draw and score from a bank's previous version after an edit. */
const POOL_CACHE_MS = 30_000;

@Injectable()
export class QuizBanksService {
  /** Every start draws from a bank and every submit scores against it: held in memory, not re-read. */
  private readonly pools = new TtlCache<number, Question[]>(POOL_CACHE_MS);

  constructor(
    @InjectRepository(QuestionBank) private readonly banks: Repository<QuestionBank>,
    @InjectRepository(Question) private readonly questions: Repository<Question>,
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
  ) {}

  /** Every question of a bank, answers included (for drawing and scoring only, never sent as is). */
  pool(bankId: number): Promise<Question[]> {
    return this.pools.get(bankId, () => this.questions.find({ where: { bankId }, order: { id: 'ASC' } }));
  }

  async create(staff: AuthUser, dto: CreateBankDto): Promise<BankView> {
    await this.scope.assertCanManage(staff, dto.ownerOrgId);
    const bank = await this.banks.save(this.banks.create(dto));
    return this.view(bank.id);
  }

  async list(staff: AuthUser): Promise<BankView[]> {
    const scope = await this.scope.scopeOf(staff);
    const banks = await this.banks.find({ relations: { ownerOrg: true }, order: { id: 'DESC' } });
    const visible = banks.filter((b) => this.scope.contains(scope, b.ownerOrg!));
    return Promise.all(visible.map((b) => this.view(b.id)));
  }

  async questionsOf(staff: AuthUser, bankId: number): Promise<QuestionView[]> {
    await this.managed(staff, bankId);
    return (await this.questions.find({ where: { bankId }, order: { id: 'ASC' } })).map(toQuestionView);
  }

  async addQuestion(staff: AuthUser, bankId: number, body: QuestionBody): Promise<QuestionView> {
    await this.managed(staff, bankId);
    const problem = questionProblem(body);
    if (problem)
      throw new AppException('VALIDATION_FAILED', problem, [
        { field: 'answer', message: problem },
      ]);
    const saved = await this.questions.save(this.questions.create(toRow(bankId, body)));
    this.pools.delete(bankId);
    return toQuestionView(saved);
  }

  async updateQuestion(staff: AuthUser, id: number, body: QuestionBody): Promise<QuestionView> {
    const question = await this.questions.findOneBy({ id });
    if (!question) throw AppException.notFound('题目不存在');
    await this.managed(staff, question.bankId);
    const problem = questionProblem(body);
    if (problem)
      throw new AppException('VALIDATION_FAILED', problem, [
        { field: 'answer', message: problem },
      ]);
    await this.questions.update(id, toRow(question.bankId, body));
    this.pools.delete(question.bankId);
    return toQuestionView(await this.questions.findOneByOrFail({ id }));
  }

  async deleteQuestion(staff: AuthUser, id: number): Promise<void> {
    const question = await this.questions.findOneBy({ id });
    if (!question) throw AppException.notFound('题目不存在');
    await this.managed(staff, question.bankId);
    await this.questions.delete(id);
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
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < parsed.questions.length; i += INSERT_CHUNK) {
        const chunk = parsed.questions.slice(i, i + INSERT_CHUNK).map((q) => toRow(bankId, q));
        await manager
          .createQueryBuilder()
          .insert()
          .into(Question)
          .values(chunk)
          .updateEntity(false)
          .execute();
      }
    });
    this.pools.delete(bankId);
    return { imported: parsed.questions.length };
  }

  async managed(staff: AuthUser, bankId: number): Promise<QuestionBank> {
    const bank = await this.banks.findOne({ where: { id: bankId }, relations: { ownerOrg: true } });
    if (!bank || !this.scope.contains(await this.scope.scopeOf(staff), bank.ownerOrg!))
      throw AppException.notFound('题库不存在');
    return bank;
  }

  private async view(id: number): Promise<BankView> {
    const bank = await this.banks.findOneOrFail({ where: { id }, relations: { ownerOrg: true } });
    return {
      id: bank.id,
      name: bank.name,
      ownerOrg: toOrgSummary(bank.ownerOrg!),
      questionCount: await this.questions.countBy({ bankId: id }),
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
