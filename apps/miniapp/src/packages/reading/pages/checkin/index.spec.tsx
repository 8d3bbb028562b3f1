import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { UploadView } from '@jingcai/shared';
import { authResult, meView } from '../../../../../test/fixtures';
import { findInput } from '../../../../../test/dom';
import { callsOf, fakeApi, type FakeResponse } from '../../../../../test/fake-api';
import { openedWith } from '../../../../../test/router';
import { ROUTES } from '../../../../routes';
import { saveTokens } from '../../../../services/tokens';
import { takeHandedOverCheckin } from '../../checkin-handover';
import { checkinResult, dayFromToday, myReadingView, seasonView } from '../../reading-fixtures';
import { formatDay } from '../../reading-format';
import CheckinPage from '.';

const NOTE = '孙少平在苦难中不失尊严，读来很受鼓舞。';
const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });
const photoUpload: UploadView = { id: 'upl_p1', url: 'http://api.test/api/uploads/upl_p1?sig=x', contentType: 'image/jpeg', size: 2048, width: 600, height: 800 };

function api(extra: Parameters<typeof fakeApi>[0] = {}, me = myReadingView()) {
  return fakeApi({
    'GET /reading/seasons/current': ok({ season: seasonView() }),
    'GET /reading/seasons/5/me': ok(me),
    ...extra,
  });
}

/** The native `<textarea>` inside Taro's `<Textarea>`, rendered once the web component mounts. */
function findTextarea(container: HTMLElement): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const textarea = container.querySelector<HTMLTextAreaElement>('textarea');
    if (!textarea) throw new Error('no textarea yet');
    return textarea;
  });
}

async function fillForm(container: HTMLElement, note = NOTE) {
  fireEvent.click(await screen.findByText('《红岩》'));
  fireEvent.input(await findInput(container, '分钟数'), { target: { value: '60' } });
  fireEvent.input(await findTextarea(container), { target: { value: note } });
}

function chooseImageGives(path: string) {
  jest.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: [path],
    tempFiles: [{ path, size: 2048, type: 'image/jpeg', originalFileObj: undefined }],
    errMsg: 'chooseImage:ok',
  });
}

const posts = (seen: ReturnType<typeof fakeApi>) => callsOf(seen).filter((call) => call === 'POST /reading/seasons/5/checkins');

describe('CheckinPage', () => {
  beforeEach(() => saveTokens(authResult(meView({ consentRequired: false }))));

  it('sends the book, minutes, note and photo, disables 提交打卡 while sending, and goes back to the home', async () => {
    chooseImageGives('wxfile://tmp/reading.jpg');
    let answer: (response: FakeResponse) => void = () => undefined;
    const seen = api({
      'POST /uploads': ok(photoUpload, 201),
      'POST /reading/seasons/5/checkins': () => new Promise<FakeResponse>((resolve) => (answer = resolve)),
    });
    const { container } = render(<CheckinPage />);
    await fillForm(container);
    expect(screen.getByText(`已写 ${NOTE.length} 字 · 至少 10 字`)).toBeInTheDocument();

    fireEvent.click(screen.getByText('0 / 9'));
    expect(await screen.findByText('删除')).toBeInTheDocument();
    expect(container.querySelector('.photo-picker__image')).toHaveAttribute('src', 'wxfile://tmp/reading.jpg');
    expect(seen.find((call) => call.path === '/uploads')?.body).toMatchObject({ formData: { purpose: 'reading_photo' } });

    fireEvent.click(screen.getByText('提交打卡'));
    await waitFor(() => expect(screen.getByText('提交打卡').closest('.nut-button')).toHaveClass('nut-button-disabled'));
    fireEvent.click(screen.getByText('提交打卡'));
    answer(ok(checkinResult({ status: 'pending' }), 201));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.reading }));
    expect(posts(seen)).toHaveLength(1);
    expect(seen.find((call) => call.method === 'POST' && call.path === '/reading/seasons/5/checkins')?.body).toEqual({
      bookId: 52,
      minutes: 60,
      note: NOTE,
      photoIds: ['upl_p1'],
    });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '打卡成功', icon: 'success' });
    // Handed to the home, which says the note waits for review.
    expect(takeHandedOverCheckin()?.checkin.status).toBe('pending');
  });

  it('goes back to the home when today turns out to be checked in already', async () => {
    const seen = api({
      'POST /reading/seasons/5/checkins': ok({ code: 'ALREADY_CHECKED_IN', message: '今天已经打卡了' }, 409),
    });
    const { container } = render(<CheckinPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交打卡'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.reading }));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '今天已经打卡了', icon: 'none' });
    expect(posts(seen)).toHaveLength(1);
  });

  it('stays on the form to edit a note refused as a repeat', async () => {
    api({
      'POST /reading/seasons/5/checkins': ok({ code: 'DUPLICATE_NOTE', message: '这篇读后感已经提交过了，换个内容吧' }, 409),
    });
    const { container } = render(<CheckinPage />);
    await fillForm(container);

    fireEvent.click(screen.getByText('提交打卡'));

    await waitFor(() => expect(Taro.showToast).toHaveBeenCalledWith({ title: '这篇读后感已经提交过了，换个内容吧', icon: 'none' }));
    await waitFor(() => expect(screen.getByText('提交打卡').closest('.nut-button')).not.toHaveClass('nut-button-disabled'));
    expect(Taro.redirectTo).not.toHaveBeenCalled();
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });

  it('refuses a note shorter than the season minimum, and a missing book, before sending anything', async () => {
    const seen = api();
    const { container } = render(<CheckinPage />);
    fireEvent.input(await findTextarea(container), { target: { value: ' 很好看的书 ' } });
    expect(screen.getByText('已写 5 字 · 至少 10 字')).toHaveClass('reading-form__count--short');

    fireEvent.click(screen.getByText('提交打卡'));

    expect(screen.getByText('读后感至少 10 字，还差 5 字')).toBeInTheDocument();
    expect(screen.getByText('请选择在读的书')).toBeInTheDocument();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '请选择在读的书', icon: 'none' });
    expect(posts(seen)).toEqual([]);
  });

  it('steps the minutes within 1–600', async () => {
    api();
    const { container } = render(<CheckinPage />);
    const input = await findInput(container, '分钟数');
    expect(input).toHaveValue(30);
    const less = screen.getByRole('button', { name: '减少 10 分钟' });
    const more = screen.getByRole('button', { name: '增加 10 分钟' });

    fireEvent.click(more);
    await waitFor(() => expect(input).toHaveValue(40));
    fireEvent.input(input, { target: { value: '3' } });
    fireEvent.click(less);
    await waitFor(() => expect(input).toHaveValue(1));
  });

  it('as 补卡, picks the latest missed day and sends it as the date', async () => {
    openedWith({ makeUp: '1' });
    const me = myReadingView({ checkedInToday: true, checkinDays: [dayFromToday(-1), dayFromToday(0)], makeUpsLeft: 2 });
    const seen = api({ 'POST /reading/seasons/5/checkins': ok(checkinResult({ makeUp: true, day: dayFromToday(-2) }), 201) }, me);
    const { container } = render(<CheckinPage />);

    expect(await screen.findByText(`补卡日期：${formatDay(dayFromToday(-2))}`)).toBeInTheDocument();
    expect(screen.getByText('可补本季内漏打卡的日期，剩余补卡 2 次')).toBeInTheDocument();
    expect(container.querySelector('.reading-calendar__day--selected')).toHaveTextContent(String(Number(dayFromToday(-2).slice(8))));
    await fillForm(container);

    fireEvent.click(screen.getByText('提交补卡'));

    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalledWith({ url: ROUTES.reading }));
    expect(seen.find((call) => call.method === 'POST')?.body).toMatchObject({ date: dayFromToday(-2), bookId: 52 });
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '补卡成功', icon: 'success' });
  });

  it('shows no form once today is checked in', async () => {
    api({}, myReadingView({ checkedInToday: true, checkinDays: [dayFromToday(0)] }));
    render(<CheckinPage />);

    expect(await screen.findByText('今天已经打卡了，明天再来吧')).toBeInTheDocument();
    expect(screen.queryByText('提交打卡')).not.toBeInTheDocument();
  });
});
