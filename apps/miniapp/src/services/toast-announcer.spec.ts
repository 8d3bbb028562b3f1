import { waitFor } from '@testing-library/react';
// Jest, like Taro's H5 build, resolves this to toast-announcer.h5.ts.
import { mountToastAnnouncer } from './toast-announcer';

/** The polite region a screen reader listens to. */
function liveRegion(): HTMLElement {
  const region = document.querySelector<HTMLElement>('[role="status"][aria-live="polite"]');
  if (!region) throw new Error('no live region');
  return region;
}

/** A toast as Taro's H5 Taro.showToast draws it: a plain div, made on first use and hidden by style. */
function showToast(text: string): HTMLElement {
  const toast = document.createElement('div');
  toast.className = 'taro__toast';
  toast.textContent = text;
  document.body.appendChild(toast);
  return toast;
}

describe('mountToastAnnouncer (H5)', () => {
  let unmount: () => void = () => undefined;

  afterEach(() => {
    unmount();
    document.querySelectorAll('.taro__toast').forEach((toast) => toast.remove());
  });

  it('repeats what the toast says in a live region that is there before the first toast', async () => {
    unmount = mountToastAnnouncer();
    expect(liveRegion().textContent).toBe('');

    const toast = showToast('提交成功，请留意回复');
    await waitFor(() => expect(liveRegion()).toHaveTextContent('提交成功，请留意回复'));

    // Taro reuses its toast for the next message.
    toast.textContent = '网络异常，请稍后重试';
    await waitFor(() => expect(liveRegion()).toHaveTextContent('网络异常，请稍后重试'));
  });

  it('empties the region when the toast is hidden, so the same words shown again are read again', async () => {
    unmount = mountToastAnnouncer();
    const toast = showToast('已保存');
    await waitFor(() => expect(liveRegion()).toHaveTextContent('已保存'));

    toast.style.display = 'none';
    await waitFor(() => expect(liveRegion().textContent).toBe(''));

    toast.style.display = '';
    await waitFor(() => expect(liveRegion()).toHaveTextContent('已保存'));
  });

  it('takes its region away when unmounted', async () => {
    mountToastAnnouncer()();
    expect(document.querySelector('[role="status"]')).toBeNull();

    showToast('提交成功');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('[role="status"]')).toBeNull();
  });
});
