import { Text, View } from '@tarojs/components';
import { loginMethod } from '../../services/auth';
import DevLogin from './dev-login';
import WechatLogin from './wechat-login';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

export default function LoginPage() {
  return (
    <View className={pageClass('page login')}>
      <View className='login__header'>
        <Text className='login__title'>京彩职工</Text>
        <Text className='muted'>区总工会职工服务平台</Text>
      </View>
      {loginMethod === 'wechat' ? <WechatLogin /> : <DevLogin />}
    </View>
  );
}
