import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { FEATURES, UNION_HOTLINE } from '../../features';
import { pageClass } from '../../hooks/use-care-mode';
import './index.css';

export default function ServicesPage() {
  return (
    <View className={pageClass('page services')}>
      <CellGroup title='工会服务'>
        {FEATURES.map((feature) => (
          <Cell
            key={feature.key}
            title={feature.title}
            description={feature.summary}
            extra='›'
            clickable
            onClick={() => void Taro.navigateTo({ url: feature.route })}
          />
        ))}
      </CellGroup>
      <CellGroup title='维权求助'>
        <Cell
          className='services__hotline'
          title={`职工服务热线 ${UNION_HOTLINE}`}
          description='维权、求助、咨询，一键拨打'
          extra='拨打'
          clickable
          onClick={() => void Taro.makePhoneCall({ phoneNumber: UNION_HOTLINE })}
        />
      </CellGroup>
    </View>
  );
}
