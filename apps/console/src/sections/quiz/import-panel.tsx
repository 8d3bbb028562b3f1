import type { ImportRowError } from '@jingcai/shared';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Card, Progress, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../components/download-button';
import { errorMessage } from '../../services/http';
import { quizApi, type ImportOutcome } from '../../services/quiz';

type ImportState =
  | { phase: 'idle' }
  | { phase: 'uploading'; file: string; percent: number | null }
  | { phase: 'done'; file: string; outcome: ImportOutcome }
  | { phase: 'failed'; file: string; message: string };

/** The spreadsheet import of a bank, with its progress and its per-row report when a row is wrong. */
export function ImportPanel({ bankId, onImported }: { bankId: number; onImported: () => void }) {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });

  const run = async (file: File) => {
    setState({ phase: 'uploading', file: file.name, percent: 0 });
    try {
      const outcome = await quizApi.importFile(bankId, file, (percent) =>
        setState({ phase: 'uploading', file: file.name, percent }),
      );
      setState({ phase: 'done', file: file.name, outcome });
      if (outcome.ok) onImported();
    } catch (error) {
      setState({ phase: 'failed', file: file.name, message: errorMessage(error) });
    }
  };

  return (
    <Card
      title="批量导入"
      extra={<DownloadButton label="下载模板" run={(onProgress) => quizApi.downloadTemplate(onProgress)} />}
    >
      <Upload.Dragger
        accept=".xlsx,.csv"
        multiple={false}
        showUploadList={false}
        disabled={state.phase === 'uploading'}
        beforeUpload={(file) => {
          void run(file);
          return false; // we send it ourselves, with the token and the progress
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击或拖入 .xlsx / .csv 文件导入题目</p>
        <p className="ant-upload-hint">一行一题；答案用字母（如 AC），判断题填“正确/错误”。任何一行有误则整批不导入。</p>
      </Upload.Dragger>
      {state.phase === 'uploading' ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>正在导入 {state.file}…</Typography.Text>
          <Progress percent={state.percent ?? 99} status="active" aria-label="导入进度" />
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <Alert style={{ marginTop: 16 }} type="error" showIcon message={`导入失败：${state.message}`} />
      ) : null}
      {state.phase === 'done' && state.outcome.ok ? (
        <Alert style={{ marginTop: 16 }} type="success" showIcon message={`导入成功：${state.file} 共导入 ${state.outcome.imported} 道题`} />
      ) : null}
      {state.phase === 'done' && !state.outcome.ok ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            message={`导入未完成：${state.file} 有 ${state.outcome.errors.length} 处错误，本次没有导入任何题目`}
            description="请按下表修改文件后重新上传。"
          />
          <Table<ImportRowError>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(e, i) => `${e.row}-${i}`}
            dataSource={state.outcome.errors}
            pagination={state.outcome.errors.length > 20 ? { pageSize: 20 } : false}
            aria-label="导入错误报告"
            columns={[
              { title: '行号', dataIndex: 'row', width: 90 },
              { title: '错误说明', dataIndex: 'message' },
            ]}
          />
        </div>
      ) : null}
    </Card>
  );
}
