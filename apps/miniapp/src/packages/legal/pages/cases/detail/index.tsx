import { useCallback } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorCode, LEGAL_CATEGORY_LABELS } from '@jingcai/shared';
import StatusView from '../../../../../components/status-view';
import { useRequest } from '../../../../../hooks/use-request';
import { formatShanghaiDate } from '../../../../../format';
import { pageUrl, ROUTES } from '../../../../../routes';
import { legalCaseById } from '../../../../../services/legal';
import { pageClass } from '../../../../../hooks/use-care-mode';
import '../../../components/legal.css';
import './index.css';

const MISSING = [ErrorCode.NotFound];

/** One case: what happened, how it ended, and the law that applied; shareable. */
export default function CaseDetailPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const fetchCase = useCallback(() => legalCaseById(id), [id]);
  const { data: item, status, retry } = useRequest(fetchCase, { missingOn: MISSING });

  useShareAppMessage(() => ({
    title: item ? `典型案例：${item.title}` : '典型案例',
    path: pageUrl(ROUTES.legalCase, { id }),
  }));

  if (status === 'missing') {
    return (
      <View className={pageClass('page legal-case-detail')}>
        <StatusView status='empty' message='该案例不存在或已下线' />
      </View>
    );
  }
  if (status !== 'ready' || !item) {
    return (
      <View className={pageClass('page legal-case-detail')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  return (
    <View className={pageClass('page legal-case-detail')}>
      <View className='card legal-case-detail__head'>
        <Text className='legal-case-detail__title'>{item.title}</Text>
        <View className='legal-case__meta'>
          <Text className='legal-category'>{LEGAL_CATEGORY_LABELS[item.category]}</Text>
          {item.publishedAt && <Text className='muted'>发布于 {formatShanghaiDate(item.publishedAt)}</Text>}
        </View>
      </View>
      <Section title='案情简介' text={item.facts} />
      <Section title='处理结果' text={item.outcome} />
      {item.law.trim() && <Section title='法律依据' text={item.law} />}

      <View className='card legal-case-detail__ask'>
        <Text className='muted'>遇到类似问题？律师在线为您解答</Text>
        <Button size='small' type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.legalAsk })}>
          我要咨询
        </Button>
      </View>
    </View>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  return (
    <View className='card legal-case-detail__section'>
      <Text className='legal-case-detail__heading'>{title}</Text>
      <Text className='legal-case-detail__text'>{text}</Text>
    </View>
  );
}
