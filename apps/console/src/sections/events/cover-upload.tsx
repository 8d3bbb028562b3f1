import { UploadOutlined } from '@ant-design/icons';
import { UPLOAD_IMAGE_TYPES, UPLOAD_MAX_BYTES } from '@jingcai/shared';
import { App, Button, Image, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../services/http';
import { eventsApi } from '../../services/events';

/**
 * The cover photo as a form control: its value is the upload id the event refers to. The file goes up as soon
 * as it is chosen (type and size checked here first, and again by the API).
 */
export function CoverUpload({
  value,
  onChange,
  initialUrl,
}: {
  value?: string | null;
  onChange?: (id: string | null) => void;
  initialUrl: string | null;
}) {
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null>(value ? initialUrl : null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File) => {
    if (!UPLOAD_IMAGE_TYPES.includes(file.type)) {
      void message.error('请选择 JPG、PNG、WebP 或 GIF 图片');
      return;
    }
    if (file.size > UPLOAD_MAX_BYTES) {
      void message.error(`图片不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`);
      return;
    }
    setBusy(true);
    try {
      const uploaded = await eventsApi.uploadCover(file);
      setUrl(uploaded.url);
      onChange?.(uploaded.id);
    } catch (error) {
      void message.error(`上传失败：${errorMessage(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space align="start">
      {url ? <Image src={url} width={160} height={90} style={{ objectFit: 'cover' }} alt="活动封面" /> : null}
      <Space direction="vertical">
        <Upload
          accept={UPLOAD_IMAGE_TYPES.join(',')}
          showUploadList={false}
          beforeUpload={(file) => {
            void pick(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            {url ? '更换封面' : '上传封面'}
          </Button>
        </Upload>
        {url ? (
          <Button
            type="link"
            onClick={() => {
              setUrl(null);
              onChange?.(null);
            }}
          >
            移除封面
          </Button>
        ) : null}
      </Space>
    </Space>
  );
}
