import {
  Alert,
  App,
  Button,
  Progress,
  Space,
  Spin,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { ApiError, csrfHeader } from './api.ts';
import { useI18n } from './i18n.ts';

/**
 * The list import of the registry pages (students, staff): template, file,
 * "Kiểm tra" (dry run), every error in a table with row and column, the
 * annotated copy, then "Nhập". The file goes up with an upload progress bar,
 * then the server streams its progress (rows read, phase, rows written) on
 * the same request, so a list of tens of thousands of rows never leaves a
 * frozen page.
 */

import type {
  ImportReport as ImportResult,
  ProgressLine,
  RowError,
  StudentChange as ImportChange,
} from '../../../src/modules/registry/contract.ts';
export type { ImportResult, RowError, ImportChange };

type Stage =
  { step: 'idle' } | { step: 'upload'; percent: number } | { step: 'server'; line: ProgressLine };

/**
 * POST with upload progress (fetch cannot report it), then the answer's
 * NDJSON lines as they arrive. Resolves with the last line, or with the
 * problem+json of a refusal (403, 400) made before the stream started.
 */
function uploadWithProgress(
  url: string,
  body: FormData,
  onUpload: (percent: number) => void,
  onLine: (line: ProgressLine) => void,
): Promise<{ last: ProgressLine | null; problem: { detail?: string } | null; status: number }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let last: ProgressLine | null = null;
    const drain = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      let end: number;
      while ((end = text.indexOf('\n', seen)) >= 0) {
        const line = JSON.parse(text.slice(seen, end)) as ProgressLine;
        seen = end + 1;
        last = line;
        onLine(line);
      }
    };
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUpload(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onprogress = drain;
    xhr.onload = () => {
      drain();
      let problem: { detail?: string } | null = null;
      if (xhr.status !== 200)
        try {
          problem = JSON.parse(xhr.responseText) as { detail?: string };
        } catch {
          problem = null;
        }
      resolve({ last, problem, status: xhr.status });
    };
    xhr.onerror = () => reject(new Error('Mất kết nối tới máy chủ khi gửi tệp.'));
    xhr.send(body);
  });
}

const n = (x: number) => x.toLocaleString('vi-VN');

const PHASES = ['upload', 'reading', 'checking', 'writing'] as const;

function ImportProgress({ stage }: { stage: Stage }) {
  if (stage.step === 'idle') return null;
  const line = stage.step === 'server' ? stage.line : null;
  const current = line ? Math.max(1, PHASES.indexOf(line.phase as (typeof PHASES)[number])) : 0;
  const rows = line ? line.rows.toLocaleString('vi-VN') : '0';
  const percent =
    stage.step === 'upload'
      ? stage.percent
      : line?.phase === 'writing'
        ? Math.round((line.written / Math.max(1, line.rows)) * 100)
        : undefined;
  return (
    <div data-testid="import-progress" aria-live="polite">
      <Steps
        size="small"
        current={current}
        items={[
          { title: 'Gửi tệp', description: stage.step === 'upload' ? `${stage.percent}%` : 'Xong' },
          { title: 'Đọc, kiểm tra từng dòng', description: `${rows} dòng` },
          { title: 'Đối chiếu dữ liệu đã có' },
          {
            title: 'Ghi vào cơ sở dữ liệu',
            description:
              line?.phase === 'writing'
                ? `${line.written.toLocaleString('vi-VN')} dòng`
                : undefined,
          },
        ]}
      />
      {percent !== undefined ? (
        <Progress percent={percent} status="active" />
      ) : (
        <Typography.Text type="secondary">
          <Spin size="small" /> Máy chủ đang xử lý, đã đọc {rows} dòng…
        </Typography.Text>
      )}
    </div>
  );
}

/** Every error of a file: row, column (the header as in the file) and what was expected. */
export function ImportErrorTable({ errors }: { errors: RowError[] }) {
  return (
    <Table
      data-testid="import-errors"
      size="small"
      rowKey={(e) => `${e.row}|${e.column}|${e.message}`}
      dataSource={errors}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: 'Dòng', dataIndex: 'row', width: 64 },
        {
          title: 'Cột',
          dataIndex: 'column',
          render: (c: string | null) => (c ? <Tag>{c}</Tag> : null),
        },
        { title: 'Lỗi', dataIndex: 'message' },
      ]}
    />
  );
}

/** Every update the file makes, field by field, before → after: nothing is overwritten unseen. */
export function ImportChangeTable({
  changes,
  updated,
}: {
  changes: ImportChange[];
  updated: number;
}) {
  const { t } = useI18n();
  const empty = (v: string | null) =>
    v === null ? <Typography.Text type="secondary">{t.importEmpty}</Typography.Text> : v;
  return (
    <div data-testid="import-changes">
      <Typography.Title level={5}>{t.importChanges}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t.importChangesHint}
        {updated > changes.length
          ? ` ${t.importChangesMore.replace('{shown}', n(changes.length)).replace('{total}', n(updated))}`
          : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(c) => c.row}
        dataSource={changes}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t.importRow, dataIndex: 'row', width: 64 },
          { title: t.importStudent, dataIndex: 'student' },
          {
            title: `${t.importField}: ${t.before} → ${t.after}`,
            dataIndex: 'fields',
            render: (fields: ImportChange['fields']) => (
              <Space direction="vertical" size={0}>
                {fields.map((f) => (
                  <span key={f.column}>
                    <Tag>{f.column}</Tag>
                    <Typography.Text delete>{empty(f.before)}</Typography.Text> →{' '}
                    <Typography.Text strong>{empty(f.after)}</Typography.Text>
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}

export function ImportPanel({
  kind,
  what,
  params = {},
  controls,
  onImported,
}: {
  /** The route's kind: /api/registry/imports/<kind>. */
  kind: 'students' | 'staff';
  /** "học sinh", "cán bộ, giáo viên": for messages. */
  what: string;
  /** The kind's own query parameters (school year, create classes). */
  params?: Record<string, string>;
  /** Inputs for those parameters, shown above the file. */
  controls?: ReactNode;
  onImported?: () => Promise<void> | void;
}) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState(false);
  const busy = stage.step !== 'idle';
  const base = `/api/registry/imports/${kind}`;
  const query = (dryRun: boolean, progress: boolean) =>
    new URLSearchParams({
      ...params,
      dryRun: dryRun ? '1' : '0',
      ...(progress ? { progress: '1' } : {}),
    }).toString();

  const send = async (dryRun: boolean) => {
    if (!file) return void message.warning('Hãy chọn tệp Excel.');
    const body = new FormData();
    body.append('file', file);
    setStage({ step: 'upload', percent: 0 });
    try {
      const { last, problem, status } = await uploadWithProgress(
        `${base}?${query(dryRun, true)}`,
        body,
        (percent) => setStage({ step: 'upload', percent }),
        (line) => setStage({ step: 'server', line }),
      );
      if (!last) return void message.error(problem?.detail ?? `Máy chủ trả lời ${status}.`);
      if (last.phase !== 'done')
        return void message.error(
          last.phase === 'failed'
            ? last.error.detail
            : 'Mất kết nối trước khi máy chủ trả kết quả.',
        );
      const result = last.result;
      setResult(result);
      const ok = result.errorList.length === 0;
      setApplied(ok && !dryRun);
      if (ok && !dryRun) {
        void message.success(
          `Đã nhập: ${n(result.summary.added)} thêm mới, ${n(result.summary.updated)} cập nhật.`,
        );
        await onImported?.();
      }
    } catch (e) {
      void message.error(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      setStage({ step: 'idle' });
    }
  };

  const downloadAnnotated = async () => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    const response = await fetch(`${base}/annotated?${query(true, false)}`, {
      method: 'POST',
      body,
      headers: csrfHeader(),
    });
    if (!response.ok) return void message.error('Không tạo được tệp đánh dấu lỗi.');
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await response.blob());
    a.download = 'danh-sach-loi.xlsx';
    a.click();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        message={
          <>
            Dùng{' '}
            <a href={`${base}/template.xlsx`} download>
              tệp mẫu
            </a>{' '}
            (có danh sách chọn) hoặc tệp Excel danh sách {what} sẵn có với các cột theo quy định.
            Tệp được kiểm tra toàn bộ trước; có lỗi thì không ghi gì.
          </>
        }
      />
      {controls}
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          setApplied(false);
          return false;
        }}
        onRemove={() => setFile(null)}
      >
        <Button>Chọn tệp Excel (.xlsx)</Button>
      </Upload>
      <Space>
        <Button onClick={() => void send(true)} disabled={!file || busy}>
          Kiểm tra
        </Button>
        <Button
          type="primary"
          onClick={() => void send(false)}
          disabled={!result || result.errorList.length > 0 || applied || busy}
        >
          Nhập vào cơ sở dữ liệu
        </Button>
      </Space>
      <ImportProgress stage={stage} />
      {result && (
        <Alert
          data-testid="import-result"
          type={result.errorList.length ? 'error' : 'success'}
          message={
            result.errorList.length
              ? `${n(result.errorList.length)} lỗi trong ${n(result.summary.rows)} dòng: chưa ghi gì. Sửa tệp rồi kiểm tra lại.`
              : `${n(result.summary.rows)} dòng hợp lệ: ${n(result.summary.added)} thêm mới, ${n(result.summary.updated)} cập nhật, ${n(result.summary.unchanged)} không đổi.${applied ? ' Đã nhập.' : ''}`
          }
          description={
            result.unknownColumns.length
              ? `Các cột không dùng (bỏ qua): ${result.unknownColumns.join(', ')}`
              : undefined
          }
          action={
            result.errorList.length ? (
              <Button onClick={() => void downloadAnnotated()}>Tải tệp đánh dấu lỗi</Button>
            ) : result.changes?.length ? (
              <Button onClick={() => void downloadAnnotated()}>{t.importChangesDownload}</Button>
            ) : undefined
          }
        />
      )}
      {result && result.errorList.length > 0 && <ImportErrorTable errors={result.errorList} />}
      {result && result.errorList.length === 0 && result.changes && result.changes.length > 0 && (
        <ImportChangeTable changes={result.changes} updated={result.summary.updated} />
      )}
    </Space>
  );
}
