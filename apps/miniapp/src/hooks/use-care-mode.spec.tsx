import { act, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { authResult, campaignView, meView } from '../../test/fixtures';
import { fakeApi } from '../../test/fake-api';
import LabelledSwitch from '../components/labelled-switch';
import QuizIndexPage from '../packages/quiz/pages/index';
import { setCurrentUser } from '../services/session';
import { saveTokens } from '../services/tokens';
import { CARE_MODE_CLASS, pageClass, wechatLargeText } from './use-care-mode';

const worker = meView({ consentRequired: false, careMode: false });

/** Runs `fn` as the WeChat build would, with WeChat's font size setting at `fontSizeSetting` px. */
function onWechat<T>(fontSizeSetting: number, fn: () => T): T {
  const env = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  const info = jest
    .spyOn(Taro, 'getSystemInfoSync')
    .mockReturnValue({ fontSizeSetting } as ReturnType<typeof Taro.getSystemInfoSync>);
  try {
    return fn();
  } finally {
    process.env.TARO_ENV = env;
    info.mockRestore();
  }
}

describe('care mode on every page (WeChat has no document root)', () => {
  beforeEach(() => {
    saveTokens(authResult(worker));
    setCurrentUser(worker);
  });
  afterEach(() => act(() => setCurrentUser(null)));

  it("puts the care class on a sub-page's own top view in 长辈模式, and not otherwise", async () => {
    fakeApi({ 'GET /quiz/campaigns': { statusCode: 200, data: [campaignView()] } });
    const { container, unmount } = render(<QuizIndexPage />);
    await screen.findByText('安全生产知识竞赛');
    expect(container.querySelector('.page')).not.toHaveClass(CARE_MODE_CLASS);
    unmount();

    act(() => setCurrentUser({ ...worker, careMode: true }));
    const again = render(<QuizIndexPage />);
    await screen.findByText('安全生产知识竞赛');
    expect(again.container.querySelector('.page')).toHaveClass('page', 'quiz', CARE_MODE_CLASS);
  });

  it("follows WeChat's own font size: large text gets the care sizes, the standard size does not", () => {
    expect(onWechat(22, () => pageClass('page quiz'))).toBe(`page quiz ${CARE_MODE_CLASS}`);
    expect(onWechat(20, () => wechatLargeText())).toBe(true);
    expect(onWechat(17, () => pageClass('page quiz'))).toBe('page quiz');
    expect(onWechat(16, () => wechatLargeText())).toBe(false);
    // On H5 the browser's text size applies (rem sizes); WeChat's setting is not read.
    expect(wechatLargeText()).toBe(false);
  });

  it('names switches and gives them a role the browser reads (not NutUI’s aria-role)', () => {
    render(<LabelledSwitch label='长辈模式' checked={false} />);
    const control = screen.getByRole('switch', { name: '长辈模式' });
    expect(control).not.toHaveAttribute('aria-role');
    expect(control).toHaveAttribute('aria-checked', 'false');
  });
});
