import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ASSISTANCE_GRANT_KIND_LABELS,
  ASSISTANCE_KIND_LABELS,
  ASSISTANCE_STATUS_LABELS,
  ErrorCode,
} from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { formatShanghaiDate, formatShanghaiDateTime } from '../../../../format';
import { useRequest } from '../../../../hooks/use-request';
import { pageUrl, ROUTES } from '../../../../routes';
import { myAssistanceApplication, withdrawAssistance } from '../../../../services/assistance';
import { formatYuan } from '../../assistance-format';
import StepList from '../../components/step-list';
import '../../components/assistance.css';
import { pageClass } from '../../../../hooks/use-care-mode';

/** One of my applications: every step's status, what I wrote, the grant; sent back, 修改后重新提交. */
export default function ApplicationPage() {
  const id = Number(useRouter().params.id);
  const load = useCallback(() => myAssistanceApplication(id), [id]);
  // Again on every show: back from a correction, it is on its way again.
  const { data: application, status, retry, setData } = useRequest(load, {
    when: 'show',
    pullDownRefresh: true,
    missingOn: [ErrorCode.NotFound],
  });
  const [withdrawing, setWithdrawing] = useState(false);

  const withdraw = async () => {
    if (!application || withdrawing) return;
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后这份申请不再办理，如有需要可以重新申请。确定撤回吗？',
      confirmText: '确定撤回',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setWithdrawing(true);
    try {
      setData(await withdrawAssistance(application.id));
      void Taro.showToast({ title: '已撤回', icon: 'success' });
    } catch {
      // Told by the toast (granted meanwhile, say).
    } finally {
      setWithdrawing(false);
    }
  };

  if (status === 'missing') {
    return (
      <View className={pageClass('page assistance-application')}>
        <StatusView status='empty' message='申请不存在或无权查看' />
      </View>
    );
  }
  if (status !== 'ready' || !application) {
    return (
      <View className={pageClass('page assistance-application')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  const { grant } = application;
  return (
    <View className={pageClass('page assistance-application')}>
      <View className='card assistance-card'>
        <View className='assistance-card__heading'>
          <Text className='assistance-card__title'>{ASSISTANCE_KIND_LABELS[application.kind]}</Text>
          <Text className={`assistance-status assistance-status--${application.status}`}>
            {ASSISTANCE_STATUS_LABELS[application.status]}
          </Text>
        </View>
        <Text className='muted'>提交于 {formatShanghaiDateTime(application.createdAt)}</Text>
        {application.filedByStaff && <Text className='muted'>由工会工作人员代为申请</Text>}
        {grant && (
          <Text className='assistance-application__grant'>
            {ASSISTANCE_GRANT_KIND_LABELS[grant.kind]}：{formatYuan(grant.amount)}，发放日期 {formatShanghaiDate(grant.date)}
          </Text>
        )}
        <StepList createdAt={application.createdAt} steps={application.steps} status={application.status} />
        {application.status === 'returned' && (
          <Button
            block
            type='primary'
            onClick={() => void Taro.navigateTo({ url: pageUrl(ROUTES.assistanceApply, { id: application.id }) })}
          >
            修改后重新提交
          </Button>
        )}
        {application.status !== 'granted' && application.status !== 'withdrawn' && (
          <Button block fill='outline' type='default' loading={withdrawing} disabled={withdrawing} onClick={() => void withdraw()}>
            撤回申请
          </Button>
        )}
      </View>

      <View className='card assistance-card'>
        <Text className='assistance-label'>家庭情况</Text>
        <Text className='assistance-wish__story'>{application.familySituation}</Text>
        <Text className='muted'>
          家庭人口 {application.householdSize} 人 · 人均月收入 {formatYuan(application.monthlyIncomePerMember)}
        </Text>
        <Text className='assistance-label'>申请理由</Text>
        <Text className='assistance-wish__story'>{application.reasons}</Text>
        <Text className='muted'>证明材料 {application.documents.length} 份</Text>
      </View>
    </View>
  );
}
