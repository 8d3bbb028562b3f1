import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { LAWYER, page, questionSummary } from '../../legal-fixtures';
import { ok, refused } from '../../legal-spec-helpers';
import MyQuestionsPage from '.';

describe('MyQuestionsPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('lists my questions with type, status, answerer and a 新回复 badge, but never the overdue mark', async () => {
    const seen = fakeApi({
      'GET /legal/questions/mine': ok(
        page([
          questionSummary({ status: 'answered', assignee: LAWYER, unreadAnswers: 2, overdue: false, lastMessageAt: '2026-11-24T06:30:00Z' }),
          questionSummary({
            id: 82,
            title: '公司不给交社保合法吗',
            category: 'social_insurance',
            status: 'assigned',
            assignee: LAWYER,
            // Late for the union: the worker is not told so here.
            overdue: true,
            dueAt: '2026-11-20T02:05:00Z',
          }),
          questionSummary({ id: 83, title: '试用期被辞退有补偿吗', category: 'dismissal' }),
        ]),
      ),
    });
    const { container } = render(<MyQuestionsPage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('工地老板拖欠三个月工资怎么办')).toBeInTheDocument();
    expect(screen.getByText('新回复 2')).toHaveClass('legal-unread');
    expect(container.querySelectorAll('.legal-unread')).toHaveLength(1);
    expect(screen.getByText('已解答')).toHaveClass('legal-status--answered');
    expect(screen.getByText('待解答')).toBeInTheDocument();
    expect(screen.getByText('待分配')).toBeInTheDocument();
    expect(screen.getByText('社会保险')).toBeInTheDocument();
    expect(screen.getAllByText('解答人：王律师')).toHaveLength(2);
    expect(screen.getByText('等待分配解答人')).toBeInTheDocument();
    expect(screen.getByText('最近更新：2026年11月24日 14:30')).toBeInTheDocument();
    expect(screen.queryByText(/超期/)).not.toBeInTheDocument();
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /legal/questions/mine?page=1&pageSize=20']);

    fireEvent.click(screen.getByText('公司不给交社保合法吗'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.legalQuestion, { id: 82 }) });
  });

  it('loads the next page on 加载更多', async () => {
    const seen = fakeApi({
      'GET /legal/questions/mine': (request) =>
        request.path.includes('page=2')
          ? ok(page([questionSummary({ id: 90, title: '加班费怎么算' })], 21, 2))
          : ok(page([questionSummary()], 21)),
    });
    render(<MyQuestionsPage />);

    fireEvent.click(await screen.findByText('加载更多'));

    expect(await screen.findByText('加班费怎么算')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /legal/questions/mine?page=1&pageSize=20', 'GET /legal/questions/mine?page=2&pageSize=20']);
  });

  it('offers 我要咨询 when there is nothing yet', async () => {
    fakeApi({ 'GET /legal/questions/mine': ok(page([])) });
    render(<MyQuestionsPage />);

    expect(await screen.findByText('还没有咨询记录')).toBeInTheDocument();
    fireEvent.click(screen.getByText('我要咨询'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.legalAsk });
  });

  it('offers a retry when loading fails', async () => {
    let asked = 0;
    fakeApi({
      'GET /legal/questions/mine': () => {
        asked += 1;
        return asked === 1 ? refused(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后再试') : ok(page([questionSummary()]));
      },
    });
    render(<MyQuestionsPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('工地老板拖欠三个月工资怎么办')).toBeInTheDocument();
  });
});
