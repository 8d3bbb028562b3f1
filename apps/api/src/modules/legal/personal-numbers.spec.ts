import { maskPersonalNumbers, replacePersonalNumbers } from './personal-numbers';

describe(maskPersonalNumbers.name, () => {
  it('masks mobile numbers as maskPhone does, however they are written', () => {
    expect(maskPersonalNumbers('我的电话13812341234，请回电')).toBe('我的电话138****1234，请回电');
    expect(maskPersonalNumbers('电话 138-1234-1234 或 138 1234 1234')).toBe(
      '电话 138****1234 或 138****1234',
    );
    expect(maskPersonalNumbers('+86 13812341234')).toBe('138****1234');
    expect(maskPersonalNumbers('手机１３８１２３４１２３４')).toBe('手机138****1234');
  });

  it('masks ID numbers as maskIdNumber does, 18 digits (X last) or the old 15', () => {
    expect(maskPersonalNumbers('身份证11010519491231002X。')).toBe('身份证110*************2X。');
    expect(maskPersonalNumbers('身份证号 110105 19491231 002x')).toBe('身份证号 110*************2X');
    expect(maskPersonalNumbers('旧证110105491231002')).toBe('旧证110**********02');
  });

  it('leaves other numbers alone: amounts, dates, hotlines, longer digit runs', () => {
    const text = '2026年3月拖欠工资12000元，拨打12351，工资卡6222021234567890123，座机0511-85551234';
    expect(maskPersonalNumbers(text)).toBe(text);
  });

  it('leaves text without numbers as it is', () => {
    expect(maskPersonalNumbers('老板拖欠工资怎么办')).toBe('老板拖欠工资怎么办');
  });
});

describe(replacePersonalNumbers.name, () => {
  it('hands over the digits normalised, IDs before mobiles', () => {
    const seen: string[] = [];
    const out = replacePersonalNumbers('１３８ 1234 5678 和 32010219900101123x', {
      mobile: (d) => (seen.push(d), '[手机号]'),
      idNumber: (d) => (seen.push(d), '[身份证号]'),
    });
    expect(out).toBe('[手机号] 和 [身份证号]');
    expect(seen).toEqual(['32010219900101123X', '13812345678']);
  });
});
