import { Alert, App, Button, Progress, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, ApiError, csrfHeader } from './api.ts';

/**
 * The list import of the registry pages (students, staff): template, file,
 * "Kiểm tra" (dry run), every error in a table with row and column, the
 * annotated copy, then "Nhập". The file goes up with an upload progress bar,
 * then the server checks and writes it in the background while the page
 * follows its progress (rows read, phase), so a list of tens of thousands of
 * rows never leaves a frozen page.
 */

export interface RowError {
  row: number;
  column: string | null;
  message: string;
}
export interface ImportResult {
  summary: { rows: number; added: number; updated: number; unchanged: number; errors: number };
  errorList: RowError[];
  unknownColumns: string[];
}
interface ImportJob {
  id: string;
  phase: 'reading' | 'checking' | 'writing' | 'done' | 'failed';
  rows: number;
  bytesRead: number;
  bytesTotal: number;
  result: ImportResult | null;
  error: { status: number; title: string; detail: string } | null;
}

type Stage =
  { step: 'upload'; percent: number } | { step: 'server'; job: ImportJob } | { step: 'idle' };

/** POST with upload progress (fetch cannot report it). */
function uploadWithProgress(
  url: string,
  body: FormData,
  onProgress: (percent: number) => void,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(xhr.responseText) as unknown;
      } catch {
        parsed = null;
      }
      resolve({ status: xhr.status, body: parsed });
    };
    xhr.onerror = () => reject(new Error('Mất kết nối tới máy chủ khi gửi tệp.'));
    xhr.send(body);
  });
}

const PHASE_LABEL: Record<ImportJob['phase'], string> = {
  reading: 'Đang đọc và kiểm tra từng dòng',
  checking: 'Đang đối chiếu với dữ liệu đã có',
  writing: 'Đang ghi vào cơ sở dữ liệu',
  done: 'Xong',
  failed: 'Không xử lý được tệp',
};

function ImportProgress({ stage }: { stage: Stage }) {
  if (stage.step === 'idle') return null;
  if (stage.step === 'upload')
    return (
      <div data-testid="import-progress">
        <Typography.Text>Đang gửi tệp lên máy chủ… {stage.percent}%</Typography.Text>
        <Progress percent={stage.percent} status="active" />
      </div>
    );
  const { job } = stage;
  // Reading takes most of the time; its share of the file read drives the bar up to 90%.
  const percent =
    job.phase === 'reading'
      ? Math.min(90, Math.round((job.bytesRead / Math.max(1, job.bytesTotal)) * 90))
      : job.phase === 'checking'
        ? 92
        : job.phase === 'writing'
          ? 96
          : 100;
  return (
    <div data-testid="import-progress">
      <Typography.Text>
        {PHASE_LABEL[job.phase]}… đã đọc {job.rows.toLocaleString('vi-VN')} dòng
      </Typography.Text>
      <Progress percent={percent} status="active" />
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
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState(false);
  const busy = stage.step !== 'idle';
  const base = `/api/registry/imports/${kind}`;
  const query = (dryRun: boolean, background: boolean) =>
    new URLSearchParams({
      ...params,
      dryRun: dryRun ? '1' : '0',
      ...(background ? { background: '1' } : {}),
    }).toString();

  const follow = async (job: ImportJob): Promise<ImportJob> => {
    let current = job;
    while (current.phase !== 'done' && current.phase !== 'failed') {
      setStage({ step: 'server', job: current });
      await new Promise((ok) => setTimeout(ok, 400));
      current = await api.get<ImportJob>(`/api/registry/imports/jobs/${current.id}`);
    }
    return current;
  };

  const send = async (dryRun: boolean) => {
    if (!file) return void message.warning('Hãy chọn tệp Excel.');
    const body = new FormData();
    body.append('file', file);
    setStage({ step: 'upload', percent: 0 });
    try {
      const answer = await uploadWithProgress(`${base}?${query(dryRun, true)}`, body, (percent) =>
        setStage({ step: 'upload', percent }),
      );
      if (answer.status !== 202) {
        const problem = answer.body as { detail?: string } | null;
        return void message.error(problem?.detail ?? `Máy chủ trả lời ${answer.status}.`);
      }
      const job = await follow(answer.body as ImportJob);
      if (job.phase === 'failed' || !job.result)
        return void message.error(job.error?.detail ?? 'Không xử lý được tệp.');
      setResult(job.result);
      const ok = job.result.errorList.length === 0;
      setApplied(ok && !dryRun);
      if (ok && !dryRun) {
        void message.success(
          `Đã nhập: ${job.result.summary.added} thêm mới, ${job.result.summary.updated} cập nhật.`,
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
              ? `${result.errorList.length} lỗi trong ${result.summary.rows} dòng: chưa ghi gì. Sửa tệp rồi kiểm tra lại.`
              : `${result.summary.rows} dòng hợp lệ: ${result.summary.added} thêm mới, ${result.summary.updated} cập nhật, ${result.summary.unchanged} không đổi.${applied ? ' Đã nhập.' : ''}`
          }
          description={
            result.unknownColumns.length
              ? `Các cột không dùng (bỏ qua): ${result.unknownColumns.join(', ')}`
              : undefined
          }
          action={
            result.errorList.length ? (
              <Button onClick={() => void downloadAnnotated()}>Tải tệp đánh dấu lỗi</Button>
            ) : undefined
          }
        />
      )}
      {result && result.errorList.length > 0 && <ImportErrorTable errors={result.errorList} />}
    </Space>
  );
}
