import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { APPLICATION_STATUS_LABELS, WORKER_CATEGORY_LABELS, type ApplicationView } from '@jingcai/shared';
import { formatShanghaiDateTime } from '../../../../format';
import { ROUTES } from '../../../../routes';

interface ApplicationStatusProps {
  application: ApplicationView;
  onReapply: () => void;
}

/** Where the worker's latest application stands, and what they can do next. */
export default function ApplicationStatus({ application, onReapply }: ApplicationStatusProps) {
  const { status } = application;
  return (
    <View className='card application-status'>
      <Text className={`application-status__label application-status__label--${status}`}>
        {APPLICATION_STATUS_LABELS[status]}
      </Text>

      {status === 'pending' && <Text className='application-status__hint'>审核中，工会审核后会通过消息通知你</Text>}
      {status === 'approved' && (
        <Text className='application-status__member-no'>会员编号：{application.memberNo ?? '生成中'}</Text>
      )}
      {status === 'rejected' && (
        <Text className='application-status__reason'>原因：{application.rejectReason ?? '未说明'}</Text>
      )}

      <View className='application-status__details'>
        <Text className='muted'>姓名：{application.realName}</Text>
        <Text className='muted'>所属工会：{application.org?.name ?? application.orgNotListed ?? '—'}</Text>
        <Text className='muted'>职工类别：{WORKER_CATEGORY_LABELS[application.category]}</Text>
        {application.platform && <Text className='muted'>所在平台：{application.platform}</Text>}
        <Text className='muted'>提交时间：{formatShanghaiDateTime(application.submittedAt)}</Text>
        {application.decidedAt && <Text className='muted'>审核时间：{formatShanghaiDateTime(application.decidedAt)}</Text>}
      </View>

      {status === 'approved' && (
        <Button block type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.memberCard })}>
          查看会员证
        </Button>
      )}
      {status === 'rejected' && (
        <Button block type='primary' onClick={onReapply}>
          重新申请
        </Button>
      )}
    </View>
  );
}
