import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../services/http';
import { assistanceApi } from '../../services/assistance';

/**
 * Photos for the record (a home visit, a hand-over): each uploaded as soon as it is chosen; `onChange` gets
 * the upload ids. They are never shown to the public.
 */
export function PhotoUpload({ max, label, onChange }: { max: number; label: string; onChange: (ids: string[]) => void }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);

  const publish = (next: UploadFile[]) => {
    setFiles(next);
    onChange(next.flatMap((file) => (file.status === 'done' && typeof file.response === 'string' ? [file.response] : [])));
  };

  return (
    <Upload
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp"
      fileList={files}
      maxCount={max}
      customRequest={({ file, onSuccess, onError }) => {
        assistanceApi.uploadPhoto(file as File).then(
          (uploaded) => onSuccess?.(uploaded.id),
          (error: unknown) => {
            void message.error(`上传失败：${errorMessage(error)}`);
            onError?.(error as Error);
          },
        );
      }}
      onChange={({ fileList }) => publish(fileList)}
    >
      {files.length < max ? (
        <button type="button" aria-label={label} style={{ border: 0, background: 'none', cursor: 'pointer' }}>
          <PlusOutlined />
          <div style={{ marginTop: 8 }}>{label}</div>
        </button>
      ) : null}
    </Upload>
  );
}
