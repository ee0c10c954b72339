import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import type { JobStarted } from '../../../src/core/jobs/contract.ts';
import { jobsApi } from '../modules/jobs/api.ts';
import { stepText } from '../modules/jobs/steps.ts';
import { problemText } from './api.ts';
import { defineMessages, useI18n, useMessages } from './i18n.ts';

const messages = defineMessages(
  {
    start: 'Xuất toàn bộ (chạy nền)',
    waiting: 'Đang chờ đến lượt…',
    cancel: 'Huỷ xuất',
    cancelled: 'Đã huỷ xuất tệp.',
    download: 'Tải tệp về',
    rows: '{n} dòng',
    failed: 'Xuất tệp không thành công',
  },
  {
    start: 'Export all (in the background)',
    waiting: 'Waiting for its turn…',
    cancel: 'Cancel export',
    cancelled: 'Export cancelled.',
    download: 'Download the file',
    rows: '{n} rows',
    failed: 'The export failed',
  },
);

/**
 * A long export run as a job (issue 13 item 11): starts it, shows its
 * progress, lets the caller cancel it, and offers the file when it is done.
 * `start` and `fileUrl` come from the module's api.ts.
 */
export function ExportJob({
  start,
  fileUrl,
  disabled,
}: {
  start: () => Promise<JobStarted>;
  fileUrl: (jobId: string) => string;
  disabled?: boolean;
}) {
  const { lang } = useI18n();
  const m = useMessages(messages);
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const begin = useMutation({
    mutationFn: start,
    onSuccess: (r) => setJobId(r.jobId),
    onError: (error) => void message.error(problemText(error)),
  });
  const job = useQuery({
    queryKey: ['export-job', jobId],
    queryFn: () => jobsApi.get(jobId!),
    enabled: jobId !== null,
    refetchInterval: (q) =>
      q.state.data && ['completed', 'failed', 'cancelled'].includes(q.state.data.state)
        ? false
        : 1000,
  });
  const cancel = useMutation({
    mutationFn: () => jobsApi.cancel(jobId!),
    onSuccess: () => {
      setJobId(null);
      void message.info(m.cancelled);
    },
    onError: (error) => void message.error(problemText(error)),
  });
  const j = job.data;
  const open = jobId !== null && (!j || ['created', 'retry', 'active'].includes(j.state));
  const percent =
    j?.progress && j.progress.total > 0
      ? Math.floor((100 * j.progress.done) / j.progress.total)
      : 0;
  const step = j?.progress?.message ?? null;
  return (
    <Space wrap data-testid="export-job" style={{ maxWidth: '100%' }}>
      {!open && (
        <Button onClick={() => begin.mutate()} loading={begin.isPending} disabled={disabled}>
          {m.start}
        </Button>
      )}
      {open && (
        <>
          <Progress
            percent={percent}
            size="small"
            style={{ width: 160 }}
            status="active"
            aria-label={step ?? m.waiting}
          />
          <Typography.Text type="secondary">
            {step ? stepText(step, lang) : m.waiting}
          </Typography.Text>
          <Button danger onClick={() => cancel.mutate()} loading={cancel.isPending}>
            {m.cancel}
          </Button>
        </>
      )}
      {j?.state === 'completed' && jobId && (
        <Button type="link" href={fileUrl(jobId)}>
          {m.download}
          {typeof j.result?.rows === 'number'
            ? ` (${m.rows.replace('{n}', j.result.rows.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'))})`
            : ''}
        </Button>
      )}
      {j?.state === 'failed' && (
        <Typography.Text type="danger">
          {m.failed}: {j.error}
        </Typography.Text>
      )}
    </Space>
  );
}
