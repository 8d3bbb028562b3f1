import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { goAfterLogin } from '../../navigation';
import { wechatLogin } from '../../services/auth';

export default function WechatLogin() {
  const [busy, setBusy] = useState(false);

  const login = async () => {
    setBusy(true);
    try {
      await goAfterLogin(await wechatLogin());
    } catch {
      // The services layer has already told the worker what went wrong.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='login__wechat'>
      <Button block type='primary' loading={busy} disabled={busy} onClick={() => void login()}>
        微信一键登录
      </Button>
      <Text className='muted'>首次登录后，请阅读并同意《京彩职工隐私政策》</Text>
    </View>
  );
}
