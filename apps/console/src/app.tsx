import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router';
import { ConsoleRoutes } from './routes';
import { SessionProvider } from './session/session-context';

dayjs.locale('zh-cn');

/** The union's red, as on the mini-program. */
const theme = { token: { colorPrimary: '#c4161c', borderRadius: 6 } };

export function ConsoleApp() {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <ConsoleRoutes />
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
