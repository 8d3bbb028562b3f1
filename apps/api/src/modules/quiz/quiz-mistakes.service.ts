import { Injectable } from '@nestjs/common';
import type { MistakeView, OptionKey, PracticeResultView } from '@jingcai/shared';
import { AppException } from '../../common/errors/app-exception';
import { BanksRepository } from './banks.repository';
import { MistakesRepository } from './mistakes.repository';
import { answerOf, normalChoice, sameKeys, shownQuestion } from './quiz-rules';

/** The 错题本: questions a worker got wrong, to practise until they get them right. */
@Injectable()
export class QuizMistakesService {
  constructor(
    private readonly mistakes: MistakesRepository,
    private readonly questions: BanksRepository,
  ) {}

  async mistakesOf(userId: number): Promise<MistakeView[]> {
    const rows = await this.mistakes.latestOf(userId, 200);
    const questions = await this.questions.questionsByIds(rows.map((r) => r.questionId));
    const byId = new Map(questions.map((q) => [q.id, q]));
    return rows
      .filter((r) => byId.has(r.questionId))
      .map((r) => {
        const question = byId.get(r.questionId)!;
        return {
          // Practice keeps the original option order.
          question: shownQuestion(question, { id: r.questionId, order: question.options.map((o) => o.key) }),
          campaignId: r.campaignId,
          wrongCount: r.wrongCount,
          lastWrongAt: r.lastWrongAt.toISOString(),
        };
      });
  }

  /** Practice keeps the original option order; a right answer takes the question out of the 错题本. */
  async practice(userId: number, questionId: number, choice: OptionKey[]): Promise<PracticeResultView> {
    const mistake = await this.mistakes.find(userId, questionId);
    const question = mistake && (await this.questions.question(questionId));
    if (!question) throw AppException.notFound('错题不存在');
    const answer = answerOf(question);
    const correct = sameKeys(normalChoice(choice), answer);
    if (correct) await this.mistakes.remove(userId, questionId);
    return { correct, answer, explanation: question.explanation, removed: correct };
  }
}
