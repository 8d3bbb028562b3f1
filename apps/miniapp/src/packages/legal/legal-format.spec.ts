import type { AidStepView } from '@jingcai/shared';
import { answerMessage, askerMessage, ASKER_ID, LAWYER, questionView } from './legal-fixtures';
import { aidTimeline, canAnswerQuestions, excerpt, formatYuan, hasAnswer, isOwnSide, parseYuan, textLength, viewerOf } from './legal-format';

describe(textLength.name, () => {
  it('counts characters, an emoji as one, without the spaces around', () => {
    expect(textLength('  欠薪讨薪 ')).toBe(4);
    expect(textLength('工资👍')).toBe(3);
  });
});

describe(canAnswerQuestions.name, () => {
  it('is true for lawyers, staff and admins only', () => {
    expect(canAnswerQuestions({ roles: ['worker'] })).toBe(false);
    expect(canAnswerQuestions(null)).toBe(false);
    expect(canAnswerQuestions({ roles: ['worker', 'lawyer'] })).toBe(true);
    expect(canAnswerQuestions({ roles: ['staff'] })).toBe(true);
    expect(canAnswerQuestions({ roles: ['admin'] })).toBe(true);
  });
});

describe(viewerOf.name, () => {
  it('tells the asker, the assignee and anyone else', () => {
    const question = questionView({ assignee: LAWYER });
    expect(viewerOf(question, ASKER_ID)).toBe('asker');
    expect(viewerOf(question, LAWYER.id)).toBe('assignee');
    expect(viewerOf(question, 3)).toBe('observer');
    expect(viewerOf(questionView(), 3)).toBe('observer');
  });
});

describe(isOwnSide.name, () => {
  it('puts the asker’s messages on the asker’s side, and the answers on the union’s', () => {
    expect(isOwnSide(askerMessage(), 'asker')).toBe(true);
    expect(isOwnSide(answerMessage(), 'asker')).toBe(false);
    expect(isOwnSide(answerMessage({ authorRole: 'staff' }), 'assignee')).toBe(true);
    expect(isOwnSide(askerMessage(), 'observer')).toBe(false);
  });
});

describe(hasAnswer.name, () => {
  it('is true once a lawyer or staff has written', () => {
    expect(hasAnswer(questionView())).toBe(false);
    expect(hasAnswer(questionView({ messages: [askerMessage(), answerMessage({ authorRole: 'staff' })] }))).toBe(true);
  });
});

describe('yuan', () => {
  it('reads whole yuan or up to two decimals, up to 20 million', () => {
    expect(parseYuan(' 15600 ')).toBe(15600);
    expect(parseYuan('0')).toBe(0);
    expect(parseYuan('99.9')).toBe(99.9);
    expect(parseYuan('20000000')).toBe(20_000_000);
    expect(parseYuan('20000000.01')).toBeNull();
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-5')).toBeNull();
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('一万')).toBeNull();
  });

  it('writes yuan with thousands separators and cents', () => {
    expect(formatYuan(15600)).toBe('15,600.00 元');
    expect(formatYuan(1234567.5)).toBe('1,234,567.50 元');
    expect(formatYuan(0.3)).toBe('0.30 元');
  });
});

describe(excerpt.name, () => {
  it('keeps short text, and cuts long text on a character with an ellipsis', () => {
    expect(excerpt('骑手小李\n被拖欠工资')).toBe('骑手小李 被拖欠工资');
    expect(excerpt('一二三四五六', 4)).toBe('一二三四…');
  });
});

describe(aidTimeline.name, () => {
  const step = (status: AidStepView['status'], at: string, note: string | null = null): AidStepView => ({ status, at, note });

  it('lists the steps oldest first, the last current, then what is still to come', () => {
    const entries = aidTimeline({
      status: 'accepted',
      steps: [step('accepted', '2026-11-25T01:00:00Z', '材料齐全'), step('received', '2026-11-24T02:05:00Z')],
    });

    expect(entries.map(({ label, state }) => `${label}:${state}`)).toEqual([
      '已受理登记:done',
      '已受理:current',
      '办理中:upcoming',
      '已办结:upcoming',
    ]);
    expect(entries[1]).toMatchObject({ at: '2026-11-25T01:00:00Z', note: '材料齐全' });
    expect(entries[2]).toMatchObject({ at: null, note: null });
  });

  it('ends at a decline or a conclusion', () => {
    const declined = aidTimeline({
      status: 'declined',
      steps: [step('received', '2026-11-24T02:05:00Z'), step('declined', '2026-11-25T02:05:00Z', '不属于劳动争议')],
    });
    expect(declined.map(({ status, state }) => `${status}:${state}`)).toEqual(['received:done', 'declined:current']);

    const concluded = aidTimeline({
      status: 'concluded',
      steps: [
        step('received', '2026-11-01T02:00:00Z'),
        step('accepted', '2026-11-02T02:00:00Z'),
        step('in_progress', '2026-11-03T02:00:00Z'),
        step('concluded', '2026-11-20T02:00:00Z', '已追回工资'),
      ],
    });
    expect(concluded.filter((entry) => entry.state === 'upcoming')).toEqual([]);
    expect(concluded[3]).toMatchObject({ state: 'current', note: '已追回工资' });
  });
});
