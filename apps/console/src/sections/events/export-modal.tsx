import { SIGNUP_STATUS_LABELS, SIGNUP_STATUSES, type EventView, type SignupStatus } from '@jingcai/shared';
import { Alert, Checkbox, Form, Modal } from 'antd';
import { Select } from '../../components/select';
import { useState } from 'react';
import { DownloadButton } from '../../components/download-button';
import { useSession } from '../../session/session-context';
import { eventsApi } from '../../services/events';

/**
 * 导出报名名单 (.xlsx): masked by default; an admin may include the sensitive fields (children's data, phone
 * numbers), which the API logs with who and when.
 */
export function ExportModal({ event, open, onClose }: { event: EventView; open: boolean; onClose: () => void }) {
  const { consoleRole } = useSession();
  const admin = consoleRole === 'admin';
  const [sessionId, setSessionId] = useState<number | null>(null);
  const [status, setStatus] = useState<SignupStatus | null>(null);
  const [includeSensitive, setIncludeSensitive] = useState(false);

  return (
    <Modal open={open} title="导出报名名单" onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label="场次">
          <Select<number | null>
            aria-label="导出的场次"
            value={sessionId}
            onChange={setSessionId}
            options={[{ value: null, label: '全部场次' }, ...event.sessions.map((s) => ({ value: s.id, label: s.label }))]}
          />
        </Form.Item>
        <Form.Item label="状态">
          <Select<SignupStatus | null>
            aria-label="导出的状态"
            value={status}
            onChange={setStatus}
            options={[{ value: null, label: '全部状态' }, ...SIGNUP_STATUSES.map((s) => ({ value: s, label: SIGNUP_STATUS_LABELS[s] }))]}
          />
        </Form.Item>
        <Form.Item extra={admin ? undefined : '仅区总工会管理员可以导出未打码的敏感信息'}>
          <Checkbox checked={includeSensitive} disabled={!admin} onChange={(e) => setIncludeSensitive(e.target.checked)}>
            包含敏感信息（手机号{event.requiresChild ? '、孩子姓名、年龄和监护人' : ''}）
          </Checkbox>
        </Form.Item>
        {includeSensitive ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message="敏感信息导出将被记录（导出人、时间）"
            description={`文件含未打码的个人信息${event.requiresChild ? '和未成年人信息' : ''}，请仅用于本次活动组织，妥善保管，用后删除，不得外传。`}
          />
        ) : null}
        <DownloadButton
          type="primary"
          label={includeSensitive ? '导出（含敏感信息）' : '导出（已打码）'}
          run={(onProgress) =>
            eventsApi.exportSignups(
              event,
              { sessionId: sessionId ?? undefined, status: status ?? undefined, includeSensitive: includeSensitive || undefined },
              onProgress,
            )
          }
        />
      </Form>
    </Modal>
  );
}
