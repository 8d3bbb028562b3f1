import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MembershipStatus, type ApplicationView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { ROUTES } from '../../../../routes';
import { fetchMe } from '../../../../services/users';
import { myApplications } from '../../../../services/membership';
import { getCurrentUser, useCurrentUser } from '../../../../services/session';
import { formFromApplication, formFromMe, type ApplicationForm } from './application-form';
import ApplicationStatus from './application-status';
import ApplyForm from './apply-form';
import { pageClass } from '../../../../hooks/use-care-mode';
import './index.css';

/** My latest application, if any; the user is fetched too when not known yet, for the form's defaults. */
async function loadLatest(): Promise<ApplicationView | null> {
  const [applications] = await Promise.all([myApplications(), getCurrentUser() ?? fetchMe()]);
  return applications[0] ?? null;
}

/** 加入工会: the latest application's status when there is one, otherwise (or to apply again) the form. */
export default function ApplyPage() {
  const me = useCurrentUser();
  // Again on every show: staff may have decided meanwhile. A form being filled in stays as it is.
  const { data: latest = null, status, retry, setData: setLatest } = useRequest(loadLatest, { when: 'show' });
  // Set when the worker starts a form: a fresh one, or 重新申请 prefilled from the rejected application.
  const [draft, setDraft] = useState<{ form: ApplicationForm; key: number } | null>(null);

  const submitted = (application: ApplicationView) => {
    setLatest(application);
    setDraft(null);
  };

  const startDraft = (form: ApplicationForm) => setDraft((current) => ({ form, key: (current?.key ?? 0) + 1 }));

  if (status !== 'ready') {
    return (
      <View className={pageClass('page apply')}>
        <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />
      </View>
    );
  }

  if (draft || (!latest && me?.membership !== MembershipStatus.Member)) {
    return (
      <View className={pageClass('page apply')}>
        {latest?.status === 'rejected' && (
          <View className='card apply__notice'>
            <Text>上次申请未通过：{latest.rejectReason ?? '未说明原因'}</Text>
            <Text className='muted'>请修改后重新提交，手机号和证明照片需要重新填写。</Text>
          </View>
        )}
        <ApplyForm
          key={draft?.key ?? 0}
          initial={draft?.form ?? formFromMe(me)}
          onSubmitted={submitted}
        />
      </View>
    );
  }

  return (
    <View className={pageClass('page apply')}>
      {latest ? (
        <ApplicationStatus application={latest} onReapply={() => startDraft(formFromApplication(latest))} />
      ) : (
        // A member from before online joining (imported by staff): nothing to apply for.
        <View className='card application-status'>
          <Text className='application-status__label application-status__label--approved'>你已是工会会员</Text>
          <Button block type='primary' onClick={() => void Taro.navigateTo({ url: ROUTES.memberCard })}>
            查看会员证
          </Button>
        </View>
      )}
    </View>
  );
}
