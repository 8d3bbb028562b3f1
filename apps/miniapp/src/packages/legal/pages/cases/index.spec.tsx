import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../test/fixtures';
import { findInput } from '../../../../../test/dom';
import { callsOf, fakeApi } from '../../../../../test/fake-api';
import { pageUrl, ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { caseView, page } from '../../legal-fixtures';
import { ok, refused } from '../../legal-spec-helpers';
import CasesPage from '.';

const injury = caseView({
  id: 12,
  title: '快递员送件途中摔伤 认定为工伤',
  category: 'work_injury',
  facts: '快递员老张在派件途中摔伤，公司称其为外包人员拒绝申报工伤。',
  publishedAt: '2026-11-18T02:00:00Z',
});

describe('CasesPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('lists published cases with type, an excerpt of the facts and the date, each opening its page', async () => {
    const seen = fakeApi({ 'GET /legal/cases': ok(page([caseView(), injury])) });
    render(<CasesPage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('外卖骑手被拖欠工资 工会帮助追回')).toBeInTheDocument();
    expect(screen.getByText('骑手小李在某配送站工作两个月，站点以“押金”为由扣留工资 8600 元。')).toBeInTheDocument();
    expect(screen.getByText('2026年11月20日')).toBeInTheDocument();
    expect(screen.getAllByText('工伤认定与赔偿')).toHaveLength(2);
    expect(callsOf(seen)).toEqual(['GET /legal/cases?page=1&pageSize=20']);

    fireEvent.click(screen.getByText('快递员送件途中摔伤 认定为工伤'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(ROUTES.legalCase, { id: 12 }) });
  });

  it('filters by category with the tabs', async () => {
    const seen = fakeApi({
      'GET /legal/cases': (request) => ok(page(request.path.includes('category=work_injury') ? [injury] : [caseView(), injury])),
    });
    const { container } = render(<CasesPage />);
    await screen.findByText('外卖骑手被拖欠工资 工会帮助追回');

    fireEvent.click(container.querySelectorAll('.legal-cases__tab')[4]);

    // Loading the new filter (the old list gone), then its cases.
    await waitFor(() => expect(screen.queryByText('外卖骑手被拖欠工资 工会帮助追回')).not.toBeInTheDocument());
    expect(await screen.findByText('快递员送件途中摔伤 认定为工伤')).toBeInTheDocument();
    expect(screen.queryByText('外卖骑手被拖欠工资 工会帮助追回')).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '工伤认定与赔偿' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '全部' })).not.toBeChecked();
    expect(callsOf(seen)).toEqual(['GET /legal/cases?page=1&pageSize=20', 'GET /legal/cases?category=work_injury&page=1&pageSize=20']);
  });

  it('searches once the worker stops typing, sending q', async () => {
    const seen = fakeApi({
      'GET /legal/cases': (request) => ok(page(request.path.includes('q=') ? [caseView()] : [caseView(), injury])),
    });
    const { container } = render(<CasesPage />);
    await screen.findByText('快递员送件途中摔伤 认定为工伤');
    const search = await findInput(container, '搜索案例');

    fireEvent.input(search, { target: { value: '欠' } });
    fireEvent.input(search, { target: { value: ' 欠薪 ' } });

    await waitFor(() => expect(screen.queryByText('快递员送件途中摔伤 认定为工伤')).not.toBeInTheDocument());
    expect(await screen.findByText('外卖骑手被拖欠工资 工会帮助追回')).toBeInTheDocument();
    expect(screen.queryByText('快递员送件途中摔伤 认定为工伤')).not.toBeInTheDocument();
    // The two keystrokes made one search.
    expect(callsOf(seen)).toEqual(['GET /legal/cases?page=1&pageSize=20', 'GET /legal/cases?q=欠薪&page=1&pageSize=20']);
  });

  it('says what found nothing', async () => {
    fakeApi({ 'GET /legal/cases': (request) => ok(page(request.path.includes('q=') ? [] : [caseView()])) });
    const { container } = render(<CasesPage />);
    await screen.findByText('外卖骑手被拖欠工资 工会帮助追回');

    fireEvent.input(await findInput(container, '搜索案例'), { target: { value: '年假' } });

    expect(await screen.findByText('没有找到与“年假”相关的案例')).toBeInTheDocument();
  });

  it('loads the next page on 加载更多, with the same filter', async () => {
    const seen = fakeApi({
      // One case a page, as the API pages them when the page size is 1: two pages in all.
      'GET /legal/cases': (request) =>
        ok({ ...(request.path.includes('page=2') ? page([injury], 2, 2) : page([caseView()], 2)), pageSize: 1 }),
    });
    render(<CasesPage />);

    fireEvent.click(await screen.findByText('加载更多'));

    expect(await screen.findByText('快递员送件途中摔伤 认定为工伤')).toBeInTheDocument();
    expect(screen.getByText('没有更多了')).toBeInTheDocument();
    expect(callsOf(seen)).toEqual(['GET /legal/cases?page=1&pageSize=20', 'GET /legal/cases?page=2&pageSize=20']);
  });

  it('says so when there are no cases yet, and offers a retry on errors', async () => {
    let asked = 0;
    fakeApi({
      'GET /legal/cases': () => {
        asked += 1;
        return asked === 1 ? refused(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后再试') : ok(page([]));
      },
    });
    render(<CasesPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('暂无典型案例')).toBeInTheDocument();
  });
});
