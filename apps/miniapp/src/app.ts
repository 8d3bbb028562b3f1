import { useEffect, type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { useCareModeRoot } from './hooks/use-care-mode';
import { mountPageRegions } from './services/page-regions';
import { listenForPrivacyRequests } from './services/privacy';
import { mountToastAnnouncer } from './services/toast-announcer';
import './app.css';

// Pages are the children; session state lives in services/session.ts. The shell only applies 长辈模式
// (a root class) so that every page follows it, has toasts read out and pages reachable by keyboard.
function App({ children }: PropsWithChildren) {
  // WeChat's privacy authorization is answered by our own popup from the first gated call on.
  useLaunch(listenForPrivacyRequests);
  useCareModeRoot();
  useEffect(mountToastAnnouncer, []);
  useEffect(mountPageRegions, []);
  return children;
}

export default App;
