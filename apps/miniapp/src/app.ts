import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { listenForPrivacyRequests } from './services/privacy';
import './app.css';

// Pages are the children; session state lives in services/session.ts, so the app shell stays empty.
function App({ children }: PropsWithChildren) {
  // WeChat's privacy authorization is answered by our own popup from the first gated call on.
  useLaunch(listenForPrivacyRequests);
  return children;
}

export default App;
