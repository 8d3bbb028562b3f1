import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AID_KIND_LABELS, AID_STATUS_LABELS, type AidApplicationView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDateTime } from '../../../../format';
import { ROUTES } from '../../../../routes';
import { myAidApplications } from '../../../../services/legal';
import PhotoStrip from '../../components/photo-strip';
import { aidTimeline, formatYuan } from '../../legal-format';
import { pageClass } from '../../../../hooks/use-care-mode';
import '../../components/legal.css';
import './index.css';

type ListStatus = 'loading' | 'ready' | 'error';

/** 法律援助与调解: what each is, the way to apply, and my applications with the steps each went through. */
export default function AidPage() {
  const [applications, setApplications] = useState<AidApplicationView[]>([]);
  const [status, setStatus] = useState<ListStatus>('loading');

  const load = useCallback(async () => {
    try {
      setApplications(await myAidApplications());
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  // Again on every show: back from the form, the new application is listed.
  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className={pageClass('page legal-aid')}>
      <View className='card legal-aid__intro'>
        <Text className='legal-aid__intro-title'>{AID_KIND_LABELS.aid}</Text>
        <Text className='muted'>经济困难的职工，可申请由工会安排律师免费代理劳动仲裁或诉讼。</Text>
        <Text className='legal-aid__intro-title'>{AID_KIND_LABELS.mediation}</Text>
        <Text className='muted'>与单位发生劳动争议，可申请工会调解，协商解决更快捷。</Text>
        <Button block type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.legalAidApply })}>
          申请援助或调解
        </Button>
      </View>

      <Text className='section-title'>我的申请</Text>
      {status !== 'ready' ? (
        <StatusView
          status={status}
          onRetry={() => {
            setStatus('loading');
            void load();
          }}
        />
      ) : applications.length === 0 ? (
        <StatusView status='empty' message='还没有申请记录' />
      ) : (
        <View className='legal-list'>
          {applications.map((application) => (
            <ApplicationCard key={application.id} application={application} />
          ))}
        </View>
      )}
    </View>
  );
}

function ApplicationCard({ application }: { application: AidApplicationView }) {
  return (
    <View className='card legal-aid-card'>
      <View className='legal-aid-card__heading'>
        <Text className='legal-aid-card__kind'>{AID_KIND_LABELS[application.kind]}</Text>
        <Text className={`legal-aid-status legal-aid-status--${application.status}`}>
          {AID_STATUS_LABELS[application.status]}
        </Text>
      </View>
      <Text className='muted'>用人单位：{application.employer}</Text>
      {application.amountInDispute > 0 && <Text className='muted'>争议金额：{formatYuan(application.amountInDispute)}</Text>}
      <Text className='legal-aid-card__facts'>{application.facts}</Text>
      <PhotoStrip photos={application.photos} />
      <View className='legal-timeline'>
        {aidTimeline(application).map((entry, index) => (
          <View key={`${entry.status}-${index}`} className={`legal-timeline__step legal-timeline__step--${entry.state}`}>
            <View className='legal-timeline__dot' />
            <View className='legal-timeline__body'>
              <Text className='legal-timeline__label'>{entry.label}</Text>
              {entry.at && <Text className='legal-timeline__at'>{formatShanghaiDateTime(entry.at)}</Text>}
              {entry.note && <Text className='legal-timeline__note'>{entry.note}</Text>}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
