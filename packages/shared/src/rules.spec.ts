import { formatShanghai, isPlainText, isValidIdNumber, maskIdNumber, maskName, maskPhone, shanghaiDay, shanghaiDayStart } from './rules';

describe('shanghaiDay', () => {
  it('puts 23:59:59 and 00:00:01 Shanghai time on two days', () => {
    expect(shanghaiDay('2026-11-24T15:59:59Z')).toBe('2026-11-24');
    expect(shanghaiDay('2026-11-24T16:00:01Z')).toBe('2026-11-25');
  });
  it('round-trips with shanghaiDayStart', () => {
    expect(shanghaiDayStart('2026-12-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(shanghaiDay(shanghaiDayStart('2026-12-01'))).toBe('2026-12-01');
  });
  it('rejects garbage', () => {
    expect(() => shanghaiDay('nope')).toThrow(RangeError);
    expect(() => shanghaiDayStart('2026-13-45')).toThrow(RangeError);
  });
});

describe('masking', () => {
  it('masks a phone keeping 3 + 4 digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('12345')).toBe('*****');
  });
  it('masks an ID number keeping 3 + 2', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110*************2X');
  });
  it('masks a name keeping the family name', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
  it('validates the ID check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
});

describe('formatShanghai', () => {
  it('writes an instant in Shanghai time whatever the machine zone', () => {
    const instant = '2026-03-17T17:05:00Z'; // 01:05 on the 18th in Shanghai
    expect(formatShanghai(instant, 'minute')).toBe('3/18 01:05');
    expect(formatShanghai(instant)).toBe('2026/3/18 01:05');
    expect(formatShanghai(instant, 'date')).toBe('2026年3月18日');
  });
});

describe('isPlainText', () => {
  it.each([
    ['Chinese, Latin and punctuation', '王建国 Wang, 第1名！'],
    ['a note with line breaks and tabs', '第一段\n第二段\r\n\t缩进'],
    ['emoji, with a joiner inside a sequence', '加油👷‍♀️🚴🏽'],
    ['an astral CJK character', '𠮷野家'],
  ])('accepts %s', (_case, text) => {
    expect(isPlainText(text)).toBe(true);
  });

  it.each([
    ['a direction override', '王五\u202e'],
    ['a direction isolate', '\u2067王五'],
    ['zero-width spaces and joiners outside emoji', '王\u200b五', '王\u200d五'],
    ['a byte-order mark', '\ufeff王五'],
    ['noncharacters', '王\uffff', '王\ufffe'],
    ['a lone surrogate', 'x\ud800y'],
    ['control characters', 'a\u0000b', 'a\u0085b'],
  ])('refuses %s', (_case, ...texts) => {
    for (const text of texts) expect(isPlainText(text)).toBe(false);
  });
});
