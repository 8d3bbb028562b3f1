import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { QuestionType } from '@jingcai/shared';
import { DataSource, In, Repository } from 'typeorm';
import { Question, QuestionBank } from './entities/quiz.entities';

const INSERT_CHUNK = 500;

/** The quiz_banks and quiz_questions statements. */
@Injectable()
export class BanksRepository {
  constructor(
    @InjectRepository(QuestionBank) private readonly banks: Repository<QuestionBank>,
    @InjectRepository(Question) private readonly questions: Repository<Question>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async createBank(values: Pick<QuestionBank, 'name' | 'ownerOrgId'>): Promise<number> {
    return (await this.banks.save(this.banks.create(values))).id;
  }

  /** A bank with its owner org, for the scope check. */
  bankWithOwner(id: number): Promise<QuestionBank | null> {
    return this.banks.findOne({ where: { id }, relations: { ownerOrg: true } });
  }

  /** Every bank with its owner org, newest first. */
  banksWithOwner(): Promise<QuestionBank[]> {
    return this.banks.find({ relations: { ownerOrg: true }, order: { id: 'DESC' } });
  }

  /** Every question of a bank, answers included, in the order they were added. */
  questionsIn(bankId: number): Promise<Question[]> {
    return this.questions.find({ where: { bankId }, order: { id: 'ASC' } });
  }

  countIn(bankId: number, type?: QuestionType): Promise<number> {
    return this.questions.countBy(type ? { bankId, type } : { bankId });
  }

  question(id: number): Promise<Question | null> {
    return this.questions.findOneBy({ id });
  }

  questionsByIds(ids: number[]): Promise<Question[]> {
    return ids.length ? this.questions.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async addQuestion(values: Partial<Question>): Promise<Question> {
    return this.questions.save(this.questions.create(values));
  }

  async updateQuestion(id: number, values: Partial<Question>): Promise<Question> {
    await this.questions.update(id, values);
    return this.questions.findOneByOrFail({ id });
  }

  async deleteQuestion(id: number): Promise<void> {
    await this.questions.delete(id);
  }

  /** All or nothing: one transaction inserts them in chunks. */
  async insertQuestions(rows: Partial<Question>[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(Question)
          .values(rows.slice(i, i + INSERT_CHUNK))
          .updateEntity(false)
          .execute();
      }
    });
  }
}
