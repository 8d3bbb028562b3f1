import { useCallback, useState } from 'react';
import { useLoad } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { DemoUserView } from '@jingcai/shared';
import StatusView from '../../components/status-view';
import { goAfterLogin } from '../../navigation';
import { devLogin, listDevUsers } from '../../services/auth';

type ListStatus = 'loading' | 'ready' | 'error';

/** Local demo and browser-test login: pick a seeded worker, or type any openid to be a brand-new one. */
export default function DevLogin() {
  const [users, setUsers] = useState<DemoUserView[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [openid, setOpenid] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setStatus('loading');
    try {
      setUsers(await listDevUsers());
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, []);

  useLoad(() => {
    void load();
  });

  const login = async (id: string) => {
    if (busy) return;
    setBusy(true);
    try {
      await goAfterLogin(await devLogin(id));
    } catch {
      // The services layer has already told the worker what went wrong.
    } finally {
      setBusy(false);
    }
  };

  const customOpenid = openid.trim();

  return (
    <View className='login__dev'>
      <Text className='login__hint'>开发登录（仅用于本地演示和测试）</Text>
      {status === 'ready' && users.length > 0 ? (
        <CellGroup title='选择演示账号'>
          {users.map((user) => (
            <Cell
              key={user.openid}
              title={user.label}
              description={user.openid}
              extra='登录 ›'
              clickable
              onClick={() => void login(user.openid)}
            />
          ))}
        </CellGroup>
      ) : (
        <StatusView
          status={status === 'ready' ? 'empty' : status}
          message={status === 'ready' ? '暂无演示账号' : undefined}
          onRetry={() => void load()}
        />
      )}

      <View className='card login__custom'>
        <Text className='login__label'>其他 openid</Text>
        <Input
          className='login__input'
          placeholder='输入任意 openid，以新用户身份登录'
          value={openid}
          onInput={(event) => setOpenid(event.detail.value)}
          onConfirm={() => customOpenid && void login(customOpenid)}
        />
        <Button block type='primary' disabled={!customOpenid || busy} onClick={() => void login(customOpenid)}>
          登录
        </Button>
      </View>
    </View>
  );
}
