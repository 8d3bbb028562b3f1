import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ErrorCode, type AssistanceApplicationView } from '@jingcai/shared';
import StatusView from '../../../../components/status-view';
import { useRequest } from '../../../../hooks/use-request';
import { pageUrl, ROUTES } from '../../../../routes';
import { applyForAssistance, myAssistanceApplication, resubmitAssistance } from '../../../../services/assistance';
import ApplicationFormView from './application-form-view';
import { emptyApplicationForm, formFromApplication, toApplicationBody, toUpdateBody } from './application-form';
import '../../components/assistance.css';
import { pageClass } from '../../../../hooks/use-care-mode';

const PRIVACY = '您填写的家庭情况和证明材料加密保存，仅您本人和负责审核的工会工作人员可见，每次查看都有记录。';

/**
 * 帮扶申请: a new application (kept as a draft while it is written), or, opened with `?id=`, the one sent
 * back, to correct and send up again.
 */
export default function ApplyPage() {
  const id = Number(useRouter().params.id ?? 0);
  return (
    <View className={pageClass('page assistance-apply-page')}>
      <Text className='assistance-privacy'>{PRIVACY}</Text>
      {id ? <Resubmit id={id} /> : <NewApplication />}
    </View>
  );
}

function NewApplication() {
  return (
    <ApplicationFormView
      initial={emptyApplicationForm}
      draftName='assistance-apply'
      submitLabel='提交申请'
      onSend={async (form, clearDraft) => {
        const sent = await applyForAssistance(toApplicationBody(form));
        clearDraft();
        void Taro.showToast({ title: '申请已提交', icon: 'success' });
        // In place of the form: the application, waiting for its first step.
        await Taro.redirectTo({ url: pageUrl(ROUTES.assistanceApplication, { id: sent.id }) });
      }}
    />
  );
}

function Resubmit({ id }: { id: number }) {
  const load = useCallback(() => myAssistanceApplication(id), [id]);
  const { data, status, retry } = useRequest(load, { missingOn: [ErrorCode.NotFound] });
  if (status === 'missing') return <StatusView status='empty' message='申请不存在或已撤回' />;
  if (status !== 'ready' || !data) return <StatusView status={status === 'error' ? 'error' : 'loading'} onRetry={retry} />;
  if (data.status !== 'returned') return <StatusView status='empty' message='这份申请正在办理中，无需修改' />;
  return <Correction application={data} />;
}

function Correction({ application }: { application: AssistanceApplicationView }) {
  return (
    <>
      {application.returnReason && (
        <View className='card assistance-instructions'>
          <Text>退回原因：{application.returnReason}</Text>
        </View>
      )}
      <ApplicationFormView
        initial={() => formFromApplication(application)}
        kindFixed
        submitLabel='修改后重新提交'
        onSend={async (form) => {
          await resubmitAssistance(application.id, toUpdateBody(form));
          void Taro.showToast({ title: '已重新提交', icon: 'success' });
          await backToApplication(application.id);
        }}
      />
    </>
  );
}

/** Back to the application, which reloads on show; opened from a link or a reload, it opens in place. */
async function backToApplication(id: number): Promise<void> {
  const url = pageUrl(ROUTES.assistanceApplication, { id });
  await (Taro.getCurrentPages().length > 1 ? Taro.navigateBack() : Taro.redirectTo({ url }));
}
