import { emptyAidForm, toAidBody, validateAid, type AidForm } from './aid-form';

const filled = (overrides: Partial<AidForm> = {}): AidForm => ({
  ...emptyAidForm(),
  kind: 'mediation',
  facts: ' 公司拖欠三个月工资，共 15600 元。 ',
  employer: ' 京口某餐饮管理有限公司 ',
  amount: '15600',
  ...overrides,
});

describe(validateAid.name, () => {
  it('passes a complete form, with or without an amount', () => {
    expect(validateAid(filled())).toEqual({});
    expect(validateAid(filled({ amount: '' }))).toEqual({});
    expect(validateAid(filled({ amount: '0' }))).toEqual({});
  });

  it('asks for a kind, facts of 10–5000 characters, an employer of 2–100 and a sensible amount', () => {
    expect(validateAid(emptyAidForm())).toEqual({ kind: '请选择申请类型', facts: '请说明事实经过', employer: '请填写用人单位' });
    expect(validateAid(filled({ facts: '拖欠工资', employer: '某', amount: '1.234' }))).toEqual({
      facts: '事实经过至少 10 字，还差 6 字',
      employer: '用人单位名称请写 2–100 字',
      amount: '争议金额请填写 0–2000 万元，最多两位小数',
    });
    expect(validateAid(filled({ amount: '30000000' })).amount).toBeDefined();
  });
});

describe(toAidBody.name, () => {
  it('trims the text, turns the amount into yuan (0 when left empty) and leaves out missing photos', () => {
    expect(toAidBody(filled({ amount: ' 15600.50 ' }))).toEqual({
      kind: 'mediation',
      facts: '公司拖欠三个月工资，共 15600 元。',
      employer: '京口某餐饮管理有限公司',
      amountInDispute: 15600.5,
    });
    expect(toAidBody(filled({ amount: '', photos: [{ id: 'upl_1', src: 'a.jpg' }] }))).toMatchObject({
      amountInDispute: 0,
      photoIds: ['upl_1'],
    });
  });
});
