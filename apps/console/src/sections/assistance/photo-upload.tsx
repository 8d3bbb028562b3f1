import { PlusOutlined } from '@ant-design/icons';
import { App, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../services/http';
import { assistanceApi, type AssistanceUploadPurpose } from '../../services/assistance';

/**
 * Photos for the record (an application's documents, a home visit, a hand-over): each uploaded as soon as it
 * is chosen; `onChange` gets the upload ids (inside a Form.Item, the item's value). They are never shown to
 * the public.
 */
export function PhotoUpload({
  id,
  purpose,
  max,
  label,
  onChange,
}: {
  /** From a Form.Item: its label then names the file input. */
  id?: string;
  purpose: AssistanceUploadPurpose;
  max: number;
  label: string;
  onChange?: (ids: string[]) => void;
}) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);

  const publish = (next: UploadFile[]) => {
    setFiles(next);
    onChange?.(next.flatMap((file) => (file.status === 'done' && typeof file.response === 'string' ? [file.response] : [])));
  };

  return (
    <Upload
      id={id}
      listType="picture-card"
      accept="image/jpeg,image/png,image/webp"
      fileList={files}
      maxCount={max}
      customRequest={({ file, onSuccess, onError }) => {
        assistanceApi.uploadPhoto(file as File, purpose).then(
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
