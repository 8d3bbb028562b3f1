import { choiceLabel, countdownAnnouncement, formatClock, formatDuration, formatRate, optionsOf, toggleChoice } from './quiz-format';

describe(toggleChoice.name, () => {
  it('takes one option on single and judge questions', () => {
    expect(toggleChoice('single', ['A'], 'C')).toEqual(['C']);
    expect(toggleChoice('judge', [], 'B')).toEqual(['B']);
  });

  it('toggles options on multiple-choice questions, kept in letter order', () => {
    expect(toggleChoice('multiple', ['C'], 'A')).toEqual(['A', 'C']);
    expect(toggleChoice('multiple', ['A', 'C'], 'A')).toEqual(['C']);
  });
});

describe(optionsOf.name, () => {
  it('offers 正确 / 错误 for a judge question stored without option texts', () => {
    expect(optionsOf({ type: 'judge', options: [] }).map((option) => option.text)).toEqual(['正确', '错误']);
  });
});

describe(choiceLabel.name, () => {
  it('names judge choices, letters the others, and says when nothing was chosen', () => {
    expect(choiceLabel({ type: 'judge', options: [] }, ['A'])).toBe('正确');
    expect(choiceLabel({ type: 'multiple', options: [] }, ['A', 'C'])).toBe('A、C');
    expect(choiceLabel({ type: 'single', options: [] }, [])).toBe('未作答');
  });
});

describe('formatting', () => {
  it('writes durations, the countdown and rates as the pages show them', () => {
    expect(formatDuration(65)).toBe('1分05秒');
    expect(formatDuration(40)).toBe('40秒');
    expect(formatClock(154_200)).toBe('02:35');
    expect(formatClock(-5)).toBe('00:00');
    expect(formatRate(0.4567)).toBe('45.7%');
  });
});

describe('countdownAnnouncement', () => {
  it('changes once a minute, then at 30 and 10 seconds and at the end, so a screen reader is not flooded', () => {
    expect(countdownAnnouncement(150_000)).toBe('答题剩余约 3 分钟');
    expect(countdownAnnouncement(121_000)).toBe('答题剩余约 3 分钟');
    expect(countdownAnnouncement(60_000)).toBe('答题剩余约 1 分钟');
    expect(countdownAnnouncement(30_000)).toBe('答题剩余不到 30 秒');
    expect(countdownAnnouncement(9_000)).toBe('答题剩余不到 10 秒');
    expect(countdownAnnouncement(0)).toBe('时间到，正在交卷');
  });
});
