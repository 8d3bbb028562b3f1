import Taro from '@tarojs/taro';
import { ErrorCode, type AidApplicationBody, type AskBody } from '@jingcai/shared';
import { authResult, meView } from '../../test/fixtures';
import { callsOf, fakeApi } from '../../test/fake-api';
import {
  aidApplicationView,
  answerMessage,
  answeredQuestion,
  caseView,
  legalUpload,
  page,
  questionSummary,
  questionView,
} from '../packages/legal/legal-fixtures';
import {
  aidApplicationById,
  applyForAid,
  askQuestion,
  callUnionHotline,
  closeQuestion,
  isLegalError,
  legalCaseById,
  legalCases,
  legalInbox,
  myAidApplications,
  myQuestions,
  postLegalMessage,
  questionById,
  uploadLegalPhoto,
} from './legal';
import { saveTokens } from './tokens';

const ok = (data: unknown, statusCode = 200) => ({ statusCode, data });
const ask: AskBody = { category: 'wage_arrears', title: '工地老板拖欠三个月工资怎么办', body: '我在工地干了三个月，老板一直拖着不发工资。', publicAllowed: false };

describe('legal services', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('asks a question with its body and the token', async () => {
    const seen = fakeApi({ 'POST /legal/questions': ok(questionView(), 201) });

    await expect(askQuestion(ask)).resolves.toMatchObject({ id: 81, status: 'new' });
    expect(seen[0]).toMatchObject({ method: 'POST', body: ask, authorization: 'Bearer access-1' });
  });

  it('toasts a refused question and lets the page tell which refusal it was', async () => {
    fakeApi({ 'POST /legal/questions': ok({ code: 'CONTENT_RISKY', message: '内容含有不适宜公开的信息，请修改后再提交' }, 400) });

    const error: unknown = await askQuestion(ask).catch((caught: unknown) => caught);

    expect(isLegalError(error, ErrorCode.ContentRisky)).toBe(true);
    expect(isLegalError(error, ErrorCode.Conflict)).toBe(false);
    expect(isLegalError(undefined, ErrorCode.Conflict)).toBe(false);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '内容含有不适宜公开的信息，请修改后再提交', icon: 'none' });
  });

  it('pages my questions', async () => {
    const seen = fakeApi({ 'GET /legal/questions/mine': ok(page([questionSummary()])) });

    await myQuestions();
    await myQuestions(3);

    expect(callsOf(seen)).toEqual(['GET /legal/questions/mine?page=1&pageSize=20', 'GET /legal/questions/mine?page=3&pageSize=20']);
  });

  it('opens a question, quietly when it is not mine to see', async () => {
    fakeApi({
      'GET /legal/questions/81': ok(answeredQuestion()),
      'GET /legal/questions/99': ok({ code: 'NOT_FOUND', message: '内容不存在或已删除' }, 404),
    });

    await expect(questionById(81)).resolves.toMatchObject({ status: 'answered' });
    const error: unknown = await questionById(99).catch((caught: unknown) => caught);

    expect(isLegalError(error, ErrorCode.NotFound)).toBe(true);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('posts a message and closes with a rating', async () => {
    const seen = fakeApi({
      'POST /legal/questions/81/messages': ok(answerMessage(), 201),
      'POST /legal/questions/81/close': ok(answeredQuestion({ status: 'closed', rating: 5 })),
    });

    await postLegalMessage(81, { body: '还有一个问题', photoIds: ['upl_1'] });
    await expect(closeQuestion(81, { rating: 5, comment: '谢谢' })).resolves.toMatchObject({ status: 'closed' });

    expect(seen.map((call) => call.body)).toEqual([{ body: '还有一个问题', photoIds: ['upl_1'] }, { rating: 5, comment: '谢谢' }]);
    expect(callsOf(seen)).toEqual(['POST /legal/questions/81/messages', 'POST /legal/questions/81/close']);
  });

  it('toasts a follow-up to a closed question (409)', async () => {
    fakeApi({ 'POST /legal/questions/81/messages': ok({ code: 'QUESTION_CLOSED', message: '咨询已结束' }, 409) });

    const error: unknown = await postLegalMessage(81, { body: '还在吗' }).catch((caught: unknown) => caught);

    expect(isLegalError(error, ErrorCode.QuestionClosed)).toBe(true);
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '咨询已结束', icon: 'none' });
  });

  it('filters the inbox, sending overdue only when it is asked for', async () => {
    const seen = fakeApi({ 'GET /legal/inbox': ok(page([])) });

    await legalInbox();
    await legalInbox({ status: 'assigned', category: 'work_injury', overdue: true, page: 2 });
    await legalInbox({ overdue: false });

    expect(callsOf(seen)).toEqual([
      'GET /legal/inbox?page=1&pageSize=20',
      'GET /legal/inbox?status=assigned&category=work_injury&overdue=true&page=2&pageSize=20',
      'GET /legal/inbox?page=1&pageSize=20',
    ]);
  });

  it('searches the case library with a trimmed q, and opens a case', async () => {
    const seen = fakeApi({ 'GET /legal/cases': ok(page([caseView()])), 'GET /legal/cases/11': ok(caseView()) });

    await legalCases();
    await legalCases({ category: 'wage_arrears', q: ' 欠薪 ', page: 2 });
    await legalCases({ q: '   ' });
    await legalCaseById(11);

    expect(callsOf(seen)).toEqual([
      'GET /legal/cases?page=1&pageSize=20',
      'GET /legal/cases?category=wage_arrears&q=欠薪&page=2&pageSize=20',
      'GET /legal/cases?page=1&pageSize=20',
      'GET /legal/cases/11',
    ]);
  });

  it('applies for aid and reads my applications', async () => {
    const body: AidApplicationBody = { kind: 'aid', facts: '拖欠工资三个月，共 15600 元。', employer: '京口某餐饮管理有限公司', amountInDispute: 15600 };
    const seen = fakeApi({
      'POST /legal/aid-applications': ok(aidApplicationView(), 201),
      'GET /legal/aid-applications/mine': ok([aidApplicationView()]),
      'GET /legal/aid-applications/61': ok(aidApplicationView()),
    });

    await applyForAid(body);
    await expect(myAidApplications()).resolves.toHaveLength(1);
    await expect(aidApplicationById(61)).resolves.toMatchObject({ id: 61 });

    expect(seen[0].body).toEqual(body);
    expect(callsOf(seen)).toEqual(['POST /legal/aid-applications', 'GET /legal/aid-applications/mine', 'GET /legal/aid-applications/61']);
  });

  it('uploads a photo as a legal photo', async () => {
    const seen = fakeApi({ 'POST /uploads': ok(legalUpload('upl_l1'), 201) });

    await expect(uploadLegalPhoto('blob:http://localhost/1')).resolves.toMatchObject({ id: 'upl_l1' });
    expect(seen[0].body).toEqual({ filePath: 'blob:http://localhost/1', name: 'file', formData: { purpose: 'legal_photo' } });
  });
});

describe(callUnionHotline.name, () => {
  it('dials 12351, and a cancelled call is no error', async () => {
    const call = jest.spyOn(Taro, 'makePhoneCall').mockRejectedValue({ errMsg: 'makePhoneCall:fail cancel' });

    await expect(callUnionHotline()).resolves.toBeUndefined();
    expect(call).toHaveBeenCalledWith({ phoneNumber: '12351' });
  });
});
