import { seasonView } from '../../reading-fixtures';
import { emptyForm, parseMinutes, stepMinutes, toCheckinBody, validateCheckin, type CheckinForm } from './checkin-form';

const season = seasonView();
const filled = (overrides: Partial<CheckinForm> = {}): CheckinForm => ({
  ...emptyForm(null),
  bookId: 51,
  minutes: '45',
  note: ' 孙少平在苦难中不失尊严。 ',
  ...overrides,
});

describe(validateCheckin.name, () => {
  it('passes a complete form', () => {
    expect(validateCheckin(filled(), season, false)).toEqual({});
  });

  it('asks for a book, minutes from 1 to 600 and a note of the season’s minimum length', () => {
    expect(validateCheckin(filled({ bookId: null, minutes: '0', note: '很好看' }), season, false)).toEqual({
      book: '请选择在读的书',
      minutes: '阅读时长请填写 1–600 分钟',
      note: '读后感至少 10 字，还差 7 字',
    });
    expect(validateCheckin(filled({ minutes: '601' }), season, false).minutes).toBeDefined();
    expect(validateCheckin(filled({ minutes: '2.5' }), season, false).minutes).toBeDefined();
    expect(validateCheckin(filled({ note: '   ' }), season, false).note).toBe('请写下读后感');
  });

  it('asks a 补卡 for its date', () => {
    expect(validateCheckin(filled(), season, true)).toEqual({ date: '请选择要补卡的日期' });
  });
});

describe(toCheckinBody.name, () => {
  it('trims the note, and leaves out photos and date when there are none', () => {
    expect(toCheckinBody(filled())).toEqual({ bookId: 51, minutes: 45, note: '孙少平在苦难中不失尊严。' });
    expect(toCheckinBody(filled({ photos: [{ id: 'upl_1', src: 'a.jpg' }], date: '2026-11-03' }))).toEqual({
      bookId: 51,
      minutes: 45,
      note: '孙少平在苦难中不失尊严。',
      photoIds: ['upl_1'],
      date: '2026-11-03',
    });
  });
});

describe('minutes', () => {
  it('reads whole minutes and steps inside 1–600', () => {
    expect(parseMinutes(' 45 ')).toBe(45);
    expect(parseMinutes('')).toBeNull();
    expect(stepMinutes('45', 10)).toBe('55');
    expect(stepMinutes('5', -10)).toBe('1');
    expect(stepMinutes('595', 10)).toBe('600');
    expect(stepMinutes('abc', 10)).toBe('40');
  });
});
