import { attemptTimeLimit, timeLimitRule } from './quiz-time';

describe('attemptTimeLimit', () => {
  it('gives the campaign limit as it is to a worker not in care mode', () => {
    expect(attemptTimeLimit({ secondsPerAttempt: 600, careMode: false })).toBe(600);
  });
  it('gives ×1.5 in care mode, rounded up to whole seconds', () => {
    expect(attemptTimeLimit({ secondsPerAttempt: 600, careMode: true })).toBe(900);
    expect(attemptTimeLimit({ secondsPerAttempt: 61, careMode: true })).toBe(92);
  });
  it('leaves a campaign without a limit, and 错题本 practice, untimed', () => {
    expect(attemptTimeLimit({ secondsPerAttempt: null, careMode: false })).toBeNull();
    expect(attemptTimeLimit({ secondsPerAttempt: null, careMode: true })).toBeNull();
    expect(attemptTimeLimit({ secondsPerAttempt: 600, careMode: true, practice: true })).toBeNull();
  });
});

describe('timeLimitRule', () => {
  it('states the time the worker gets, and the care-mode extension', () => {
    expect(timeLimitRule({ secondsPerAttempt: 600, careMode: false })).toBe(
      '每次答题限时 10 分钟；开启长辈模式可延长为 1.5 倍。',
    );
    expect(timeLimitRule({ secondsPerAttempt: 600, careMode: true })).toBe('每次答题限时 15 分钟（长辈模式已延长为 1.5 倍）。');
    expect(timeLimitRule({ secondsPerAttempt: 90, careMode: true })).toBe('每次答题限时 2 分 15 秒（长辈模式已延长为 1.5 倍）。');
    expect(timeLimitRule({ secondsPerAttempt: null, careMode: true })).toBe('本活动答题不限时。');
  });
});
