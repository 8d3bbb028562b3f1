import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Mistake } from './entities/quiz.entities';

/** The 错题本's statements (a submit records mistakes in its own transaction, in AttemptsRepository). */
@Injectable()
export class MistakesRepository {
  constructor(@InjectRepository(Mistake) private readonly mistakes: Repository<Mistake>) {}

  /** The worker's mistakes, the latest first. */
  latestOf(userId: number, limit: number): Promise<Mistake[]> {
    return this.mistakes.find({ where: { userId }, order: { lastWrongAt: 'DESC' }, take: limit });
  }

  find(userId: number, questionId: number): Promise<Mistake | null> {
    return this.mistakes.findOneBy({ userId, questionId });
  }

  async remove(userId: number, questionId: number): Promise<void> {
    await this.mistakes.delete({ userId, questionId });
  }
}
