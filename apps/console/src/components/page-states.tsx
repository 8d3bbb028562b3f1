import { Alert, Button, Result } from 'antd';
import { ApiError, NOT_FOUND_MESSAGE, errorMessage } from '../services/http';

/** A whole page that could not load: 404 reads "不存在或无权查看", anything else offers a retry. */
export function ErrorResult({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.notFound) {
    return <Result status="404" title={NOT_FOUND_MESSAGE} subTitle="该内容不存在，或不在你的管理范围内" />;
  }
  return (
    <Result
      status="warning"
      title="加载失败"
      subTitle={errorMessage(error)}
      extra={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
    />
  );
}

/** A list above which loading failed: the table stays, the reason and a retry sit on top. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      message={errorMessage(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
    />
  );
}
