import type { PropsWithChildren } from 'react';
import './app.css';

// Pages are the children; session state lives in services/session.ts, so the app shell stays empty.
function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
