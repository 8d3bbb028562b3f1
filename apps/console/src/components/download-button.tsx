import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Progress, Space } from 'antd';
import { useState } from 'react';
import { formatBytes } from '../format';
import { errorMessage, type ProgressListener } from '../services/http';

/** A download with its progress shown while it streams, and the outcome told afterwards. */
export function DownloadButton({
  label,
  run,
  type,
  size,
}: {
  label: string;
  run: (onProgress: ProgressListener) => Promise<number>;
  type?: 'primary' | 'default' | 'link';
  size?: 'small' | 'middle';
}) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ percent: number | null; loaded: number } | null>(null);

  const start = async () => {
    setProgress({ percent: 0, loaded: 0 });
    try {
      const bytes = await run((percent, loaded) => setProgress({ percent, loaded }));
      void message.success(`已下载（${formatBytes(bytes)}）`);
    } catch (error) {
      void message.error(`下载失败：${errorMessage(error)}`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Space>
      <Button icon={<DownloadOutlined />} type={type} size={size} loading={progress !== null} onClick={() => void start()}>
        {label}
      </Button>
      {progress ? (
        progress.percent === null ? (
          <span aria-live="polite">已接收 {formatBytes(progress.loaded)}</span>
        ) : (
          <Progress percent={progress.percent} size="small" style={{ width: 120 }} aria-label="下载进度" />
        )
      ) : null}
    </Space>
  );
}
