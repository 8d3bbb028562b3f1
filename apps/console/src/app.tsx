import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { BrowserRouter } from 'react-router';
import { ConsoleRoutes } from './routes';
import { SessionProvider } from './session/session-context';
import './a11y.css';

dayjs.locale('zh-cn');

/**
 * The union's red, as on the mini-program. Grey and link text darkened from antd's defaults so that all text
 * reaches 4.5:1 on white (antd's 45 % black and its link blue do not); focus rings stay visible. No motion:
 * dialogs, popconfirms, messages and dropdowns appear and go at once. Half-faded, their text reads below 4.5:1
 * and a closing dialog is briefly nameless (axe met both mid-fade), and a closing dropdown lingered over the
 * next one opened; the motion was decoration only.
 */
const theme = {
  token: {
    colorPrimary: '#c4161c',
    borderRadius: 6,
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.55)',
    colorLink: '#0958d9',
    // Hover darkens rather than lightens: antd's hovered link (#579df2, 2.8:1) and danger text (#db373f, 4.3:1 on
    // a hovered table row) fell below 4.5:1 wherever the pointer rested after a click.
    colorLinkHover: '#003eb3',
    // Danger buttons and links: antd's #ff4d4f is 3:1 against white.
    colorError: '#cf1322',
    colorErrorHover: '#a8071a',
    lineWidthFocus: 3,
    motion: false,
    // A busy button keeps its colours (its spinner says it is busy): at antd's 65 % its text fell below 4.5:1.
    opacityLoading: 1,
  },
};

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
