import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { UNION_HOTLINE } from '@jingcai/shared';
import { useMe } from '../../../../hooks/use-me';
import { ROUTES, type Route } from '../../../../routes';
import { callUnionHotline } from '../../../../services/legal';
import { canAnswerQuestions } from '../../legal-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

interface Entry {
  title: string;
  hint: string;
  route: Route;
}

const ENTRIES: readonly Entry[] = [
  { title: '我要咨询', hint: '律师在线解答', route: ROUTES.legalAsk },
  { title: '我的咨询', hint: '查看回复、追问', route: ROUTES.legalMine },
  { title: '典型案例', hint: '看看别人怎么维权', route: ROUTES.legalCases },
  { title: '法律援助与调解', hint: '申请援助、调解劳动争议', route: ROUTES.legalAid },
];

/**
 * 法律维权: the 12351 hotline one tap away, and the ways to ask a lawyer, read the answers, browse the case
 * library and apply for legal aid or mediation. Lawyers and staff also see their 解答工作台.
 */
export default function LegalIndexPage() {
  // Only to learn the roles: the page works the same while they load (or when they cannot).
  const { me } = useMe();

  useShareAppMessage(() => ({ title: '法律维权：律师在线 帮您维权', path: ROUTES.legal }));

  const open = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className={pageClass('page legal')}>
      <View className='legal-hero'>
        <Text className='legal-hero__title'>遇到劳动纠纷，工会帮您维权</Text>
        <Text className='legal-hero__text'>欠薪、劳动合同、工伤、社保等问题，劳模律师和法律志愿者在线为您解答。</Text>
        <Button className='legal-hotline' block type='default' onClick={() => void callUnionHotline()}>
          拨打 {UNION_HOTLINE} 职工服务热线
        </Button>
      </View>

      <View className='legal-entries'>
        {ENTRIES.map((entry) => (
          <View key={entry.route} className='card legal-entry' role='button' onClick={() => open(entry.route)}>
            <Text className='legal-entry__title'>{entry.title}</Text>
            <Text className='muted'>{entry.hint}</Text>
          </View>
        ))}
      </View>

      {canAnswerQuestions(me) && (
        <View className='card legal-entry legal-entry--workbench' role='button' onClick={() => open(ROUTES.legalWorkbench)}>
          <Text className='legal-entry__title'>解答工作台</Text>
          <Text className='muted'>待解答的咨询、超期提醒</Text>
        </View>
      )}

      <Text className='legal-privacy'>您的咨询仅工会工作人员和指派的律师可见，请放心咨询。</Text>
    </View>
  );
}
