import Taro from '@tarojs/taro';
import { pageUrl, ROUTES } from '../../routes';
import { startAttempt } from '../../services/quiz';
import { handOver } from './attempt-draft';

/**
 * Starts (or resumes) an attempt and opens the answer page on it. `replace` swaps the current page for it
 * (再答一次 from a result, so 返回 does not lead back to an old result). False when the API refused (the
 * toast says why: no attempts left today, not in the audience, closed).
 */
export async function openNewAttempt(campaignId: number, { replace = false } = {}): Promise<boolean> {
  try {
    const started = await startAttempt(campaignId);
    handOver(started);
    const url = pageUrl(ROUTES.quizAnswer, { attemptId: started.attempt.attemptId });
    await (replace ? Taro.redirectTo({ url }) : Taro.navigateTo({ url }));
    return true;
  } catch {
    return false;
  }
}
