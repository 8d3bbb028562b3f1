import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, meView } from '../../../../../../test/fixtures';
import { fakeApi } from '../../../../../../test/fake-api';
import { openedWith } from '../../../../../../test/router';
import { ROUTES } from '../../../../../routes';
import { saveTokens } from '../../../../../services/tokens';
import { caseView } from '../../../legal-fixtures';
import { ok, refused } from '../../../legal-spec-helpers';
import CaseDetailPage from '.';

describe('CaseDetailPage', () => {
  beforeEach(() => {
    saveTokens(authResult(meView({ consentRequired: false })));
    openedWith({ id: '11' });
  });

  it('shows the facts, the outcome and the law, and leads on to 我要咨询', async () => {
    fakeApi({ 'GET /legal/cases/11': ok(caseView()) });
    render(<CaseDetailPage />);

    expect(screen.getByText('加载中…')).toBeInTheDocument();
    expect(await screen.findByText('外卖骑手被拖欠工资 工会帮助追回')).toBeInTheDocument();
    expect(screen.getByText('欠薪讨薪')).toBeInTheDocument();
    expect(screen.getByText('发布于 2026年11月20日')).toBeInTheDocument();
    expect(screen.getByText('案情简介')).toBeInTheDocument();
    expect(screen.getByText(caseView().facts)).toBeInTheDocument();
    expect(screen.getByText('处理结果')).toBeInTheDocument();
    expect(screen.getByText(caseView().outcome)).toBeInTheDocument();
    expect(screen.getByText('法律依据')).toBeInTheDocument();
    expect(screen.getByText('《劳动合同法》第三十条')).toBeInTheDocument();

    fireEvent.click(screen.getByText('我要咨询'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: ROUTES.legalAsk });
  });

  it('leaves out the law when the case names none', async () => {
    fakeApi({ 'GET /legal/cases/11': ok(caseView({ law: '' })) });
    render(<CaseDetailPage />);

    await screen.findByText('处理结果');
    expect(screen.queryByText('法律依据')).not.toBeInTheDocument();
  });

  it('says so, without a toast, when the case is gone', async () => {
    fakeApi({ 'GET /legal/cases/11': refused(404, 'NOT_FOUND', '内容不存在或已删除') });
    render(<CaseDetailPage />);

    expect(await screen.findByText('该案例不存在或已下线')).toBeInTheDocument();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('offers a retry when loading fails', async () => {
    let asked = 0;
    fakeApi({
      'GET /legal/cases/11': () => {
        asked += 1;
        return asked === 1 ? refused(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后再试') : ok(caseView());
      },
    });
    render(<CaseDetailPage />);

    fireEvent.click(await screen.findByText('重试'));

    expect(await screen.findByText('外卖骑手被拖欠工资 工会帮助追回')).toBeInTheDocument();
  });
});
