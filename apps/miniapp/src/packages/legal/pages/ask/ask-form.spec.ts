import { emptyAskForm, toAskBody, validateAsk, type AskForm } from './ask-form';

const filled = (overrides: Partial<AskForm> = {}): AskForm => ({
  ...emptyAskForm(),
  category: 'wage_arrears',
  title: ' 工地拖欠工资 ',
  body: ' 我在工地干了三个月，老板一直不发工资。 ',
  ...overrides,
});

describe(validateAsk.name, () => {
  it('passes a complete form', () => {
    expect(validateAsk(filled())).toEqual({});
  });

  it('asks for a type, a title of 4–100 characters and a description of 10–3000', () => {
    expect(validateAsk(emptyAskForm())).toEqual({ category: '请选择问题类型', title: '请填写标题', body: '请描述您遇到的问题' });
    expect(validateAsk(filled({ title: '欠薪', body: '老板不发工资' }))).toEqual({
      title: '标题请写 4–100 字',
      body: '问题描述至少 10 字，还差 4 字',
    });
    expect(validateAsk(filled({ title: '欠'.repeat(101) })).title).toBe('标题请写 4–100 字');
    expect(validateAsk(filled({ body: '欠'.repeat(3001) })).body).toBe('问题描述不能超过 3000 字');
  });

  it('allows six photos, not seven', () => {
    const photos = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `upl_${i}`, src: `${i}.jpg` }));
    expect(validateAsk(filled({ photos: photos(6) }))).toEqual({});
    expect(validateAsk(filled({ photos: photos(7) })).photos).toBe('最多上传 6 张照片');
  });
});

describe(toAskBody.name, () => {
  it('trims the text, and leaves the photos out when there are none', () => {
    expect(toAskBody(filled())).toEqual({
      category: 'wage_arrears',
      title: '工地拖欠工资',
      body: '我在工地干了三个月，老板一直不发工资。',
      publicAllowed: false,
    });
    expect(toAskBody(filled({ photos: [{ id: 'upl_1', src: 'a.jpg' }], publicAllowed: true }))).toMatchObject({
      photoIds: ['upl_1'],
      publicAllowed: true,
    });
  });
});
