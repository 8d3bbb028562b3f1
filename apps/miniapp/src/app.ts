import type { PropsWithChildren } from 'react';
import { useCareModeRoot } from './hooks/use-care-mode';
import './app.css';

// Pages are the children; session state lives in services/session.ts. The shell only applies 长辈模式
// (a root class) so that every page follows it.
function App({ children }: PropsWithChildren) {
  useCareModeRoot();
  return children;
}

export default App;
