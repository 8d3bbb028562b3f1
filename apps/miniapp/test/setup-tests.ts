import '@testing-library/jest-dom';
import { cleanup, configure } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setCurrentUser } from '../src/services/session';
import { openedWith } from './router';

// A page's first render waits on fake requests through Taro's H5 components; on a loaded CI machine one of
// them missed testing-library's 1 s default (a two-request page still showing its spinner).
configure({ asyncUtilTimeout: 5000 });

// Page navigation and toasts are observed, not performed: jsdom has no Taro router.
beforeEach(() => {
  for (const api of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack', 'showToast'] as const) {
    jest.spyOn(Taro, api).mockResolvedValue({ errMsg: `${api}:ok` });
  }
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([]);
  // WeChat's privacy gate as for a worker who already agreed; test/privacy-gate.ts plays the rest.
  jest.spyOn(Taro, 'requirePrivacyAuthorize').mockImplementation((option) => {
    option?.success?.({ errMsg: 'requirePrivacyAuthorize:ok' });
  });
});

afterEach(() => {
  // Unmount first, so that resetting the session below re-renders nothing.
  cleanup();
  jest.restoreAllMocks();
  Taro.clearStorageSync();
  setCurrentUser(null);
  openedWith({});
});
