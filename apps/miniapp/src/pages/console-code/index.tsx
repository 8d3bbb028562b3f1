import { useCallback, useEffect, useState } from 'react';
import { useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ConsoleCodeView } from '@jingcai/shared';
import StatusView from '../../components/status-view';
import { issueConsoleCode } from '../../services/auth';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

/** Staff sign in to the web console with this code: no password is ever typed or stored. */
export default function ConsoleCodePage() {
  const [code, setCode] = useState<ConsoleCodeView | null>(null);
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading');
  const [secondsLeft, setSecondsLeft] = useState(0);

  const issue = useCallback(async () => {
    setStatus('loading');
    try {
      setCode(await issueConsoleCode());
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, []);

  useLoad(() => void issue());

  useEffect(() => {
    if (!code) return undefined;
    const tick = () => setSecondsLeft(Math.max(0, Math.round((Date.parse(code.expiresAt) - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [code]);

  if (status !== 'ready' || !code) {
    return (
      <View className={pageClass('page console-code')}>
        <StatusView status={status === 'ready' ? 'loading' : status} onRetry={() => void issue()} />
      </View>
    );
  }
  const expired = secondsLeft === 0;
  return (
    <View className={pageClass('page console-code')}>
      <Text className='console-code__digits'>{expired ? '--------' : code.code}</Text>
      <Text className='console-code__hint'>
        {expired
          ? '登录码已过期，请重新获取'
          : `在电脑上打开管理后台，输入以上 8 位登录码（${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, '0')} 后失效，仅能使用一次）`}
      </Text>
      <Button type='primary' fill={expired ? 'solid' : 'outline'} onClick={() => void issue()}>
        重新获取
      </Button>
    </View>
  );
}
