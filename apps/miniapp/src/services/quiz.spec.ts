import Taro from '@tarojs/taro';
import { ErrorCode } from '@jingcai/shared';
import { attemptView, authResult, meView } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';
import { attemptById, startAttempt, submitAttempt } from './quiz';
import { saveTokens } from './tokens';

const MINUTE_MS = 60_000;

describe(startAttempt.name, () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('learns the server clock from the Date header, whatever its case', async () => {
    // The server is 10 minutes ahead of this phone.
    const serverNow = new Date(Date.now() + 10 * MINUTE_MS);
    fakeApi({
      'POST /quiz/campaigns/21/attempts': { statusCode: 201, data: attemptView(), header: { date: serverNow.toUTCString() } },
    });

    const { clockOffsetMs } = await startAttempt(21);

    // The header has whole seconds only.
    expect(clockOffsetMs).toBeGreaterThan(10 * MINUTE_MS - 2_000);
    expect(clockOffsetMs).toBeLessThan(10 * MINUTE_MS + 1_000);
  });

  it('falls back on the start time of a new attempt when the header is hidden (a browser, cross-origin)', async () => {
    const startedAt = new Date(Date.now() - 3 * MINUTE_MS).toISOString();
    fakeApi({ 'POST /quiz/campaigns/21/attempts': { statusCode: 201, data: attemptView({ startedAt }) } });

    const { clockOffsetMs } = await startAttempt(21);

    expect(clockOffsetMs).toBeGreaterThan(-3 * MINUTE_MS - 1_000);
    expect(clockOffsetMs).toBeLessThanOrEqual(-3 * MINUTE_MS + 50);
  });

  it('cannot tell the clock from an open attempt (200) without the header', async () => {
    const startedAt = new Date(Date.now() - 3 * MINUTE_MS).toISOString();
    const seen = fakeApi({ 'POST /quiz/campaigns/21/attempts': { statusCode: 200, data: attemptView({ startedAt }) } });

    await expect(startAttempt(21)).resolves.toMatchObject({ clockOffsetMs: null, attempt: { attemptId: 501 } });
    expect(seen[0].body).toEqual({});
  });

  it('shows the refusal as a toast and throws', async () => {
    fakeApi({ 'POST /quiz/campaigns/21/attempts': { statusCode: 409, data: { code: ErrorCode.NoAttemptsLeft, message: '今日答题次数已用完' } } });

    await expect(startAttempt(21)).rejects.toMatchObject({ code: ErrorCode.NoAttemptsLeft });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '今日答题次数已用完', icon: 'none' });
  });
});

describe(attemptById.name, () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('leaves a 409 (already handed in) to the page', async () => {
    fakeApi({ 'GET /quiz/attempts/501': { statusCode: 409, data: { code: ErrorCode.AttemptSubmitted, message: '已交卷' } } });

    await expect(attemptById(501)).rejects.toMatchObject({ code: ErrorCode.AttemptSubmitted });
    expect(Taro.showToast).not.toHaveBeenCalled();
  });
});

describe(submitAttempt.name, () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('posts the answers', async () => {
    const seen = fakeApi({ 'POST /quiz/attempts/501/submit': { statusCode: 201, data: {} } });

    await submitAttempt(501, [{ questionId: 1, choice: ['B'] }]);

    expect(seen[0].body).toEqual({ answers: [{ questionId: 1, choice: ['B'] }] });
  });
});
