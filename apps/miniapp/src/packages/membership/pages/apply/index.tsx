import { useCallback, useState } from 'react';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { MembershipStatus, SubscribeTemplate, type ApplicationView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { ROUTES } from '../../../../routes';
import { clientConfig } from '../../../../services/client-config';
import { fetchMe } from '../../../../services/me';
import { myApplications } from '../../../../services/membership';
import { getCurrentUser, useCurrentUser } from '../../../../services/session';
import { formFromApplication, formFromMe, type ApplicationForm } from './application-form';
import ApplicationStatus from './application-status';
import ApplyForm from './apply-form';
import './index.css';

type LoadStatus = 'loading' | 'ready' | 'error';

/** 加入工会: the latest application's status when there is one, otherwise (or to apply again) the form. */
export default function ApplyPage() {
  const me = useCurrentUser();
  const [status, setStatus] = useState<LoadStatus>('loading');
  const [latest, setLatest] = useState<ApplicationView | null>(null);
  // Set when the worker starts a form: a fresh one, or 重新申请 prefilled from the rejected application.
  const [draft, setDraft] = useState<{ form: ApplicationForm; key: number } | null>(null);
  const [reviewedTemplateId, setReviewedTemplateId] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [applications] = await Promise.all([myApplications(), getCurrentUser() ?? fetchMe()]);
      setLatest(applications[0] ?? null);
      setStatus('ready');
    } catch {
      setStatus((current) => (current === 'ready' ? current : 'error'));
    }
  }, []);

  useLoad(() => {
    // Asked for now, so the template id is at hand when the submit tap needs it.
    clientConfig()
      .then((config) => setReviewedTemplateId(config.subscribeTemplates[SubscribeTemplate.ApplicationReviewed] || undefined))
      .catch(() => undefined);
  });

  // Again on every show: staff may have decided meanwhile. A form being filled in stays as it is.
  useDidShow(() => {
    void load();
  });

  const retry = () => {
    setStatus('loading');
    void load();
  };

  const submitted = (application: ApplicationView) => {
    setLatest(application);
    setDraft(null);
  };

  const startDraft = (form: ApplicationForm) => setDraft((current) => ({ form, key: (current?.key ?? 0) + 1 }));

  if (status !== 'ready') {
    return (
      <View className='page apply'>
        <StatusView status={status} onRetry={retry} />
      </View>
    );
  }

  if (draft || (!latest && me?.membership !== MembershipStatus.Member)) {
    return (
      <View className='page apply'>
        {latest?.status === 'rejected' && (
          <View className='card apply__notice'>
            <Text>上次申请未通过：{latest.rejectReason ?? '未说明原因'}</Text>
            <Text className='muted'>请修改后重新提交，手机号和证明照片需要重新填写。</Text>
          </View>
        )}
        <ApplyForm
          key={draft?.key ?? 0}
          initial={draft?.form ?? formFromMe(me)}
          reviewedTemplateId={reviewedTemplateId}
          onSubmitted={submitted}
        />
      </View>
    );
  }

  return (
    <View className='page apply'>
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
