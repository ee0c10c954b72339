import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Grid,
  List,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { JobState, JobView } from '../../../../src/core/jobs/contract.ts';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { JOB_FILES, jobsApi } from './api.ts';
import { stepText } from './steps.ts';
import { useI18n, type Messages } from '../../shared/i18n.ts';

const STATES: JobState[] = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'];
const STATE_COLORS: Record<JobState, string> = {
  created: 'default',
  retry: 'orange',
  active: 'processing',
  completed: 'success',
  cancelled: 'default',
  failed: 'error',
};
const OPEN: JobState[] = ['created', 'retry', 'active'];

/** dd/mm/yyyy HH:mm in Asia/Ho_Chi_Minh, whatever the browser's zone. */
function when(iso: string | null): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

function label(t: Messages, key: string): string {
  return (t as Record<string, string>)[key] ?? key;
}

function JobProgress({ job }: { job: JobView }) {
  const { lang } = useI18n();
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  if (!job.progress)
    return job.state === 'completed' ? <Progress percent={100} size="small" /> : null;
  const { done, total, message } = job.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div style={{ minWidth: 140 }}>
      <Progress
        percent={percent}
        size="small"
        status={
          job.state === 'failed' ? 'exception' : job.state === 'active' ? 'active' : undefined
        }
        aria-label={`${done}/${total}`}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {done.toLocaleString(locale)}/{total.toLocaleString(locale)}
        {message ? ` · ${stepText(message, lang)}` : ''}
      </Typography.Text>
    </div>
  );
}

/** Results that are bookkeeping (a file's content address, its size), not figures to read. */
const HIDDEN_RESULTS = ['file', 'bytes'];

function Result({ job, meId }: { job: JobView; meId: string }) {
  const { t, lang } = useI18n();
  if (job.error) return <Typography.Text type="danger">{job.error}</Typography.Text>;
  if (!job.result) return null;
  const file = JOB_FILES[job.kind];
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {Object.entries(job.result)
        .filter(([k]) => !HIDDEN_RESULTS.includes(k))
        .map(
          ([k, v]) =>
            `${label(t, `jobResult_${k}`)}: ${typeof v === 'number' ? v.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : String(v)}`,
        )
        .join(', ')}
      {/* The file of one's own finished export (only its requester may download it). */}
      {file && job.state === 'completed' && job.enqueuedBy?.id === meId && (
        <>
          {' · '}
          <a href={file(job.id)}>{t.jobDownload}</a>
        </>
      )}
    </Typography.Text>
  );
}

export default function JobsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const phone = !Grid.useBreakpoint().md;
  const [state, setState] = useState<JobState | undefined>();
  const [page, setPage] = useState(1);
  const query = { page, pageSize: 20, state };
  const list = useQuery({
    queryKey: ['jobs', query],
    queryFn: () => jobsApi.list(query),
    // Poll while something runs or is about to; stop when all is settled.
    refetchInterval: (query) =>
      query.state.data?.items.some(
        (j) =>
          j.state === 'active' || (OPEN.includes(j.state) && Date.parse(j.runAt) <= Date.now()),
      )
        ? 1500
        : false,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => jobsApi.cancel(id),
    onSuccess: () => {
      void message.success(t.jobCancelled);
      void client.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: (error) => void message.error(error.message),
  });
  const run = useMutation({
    mutationFn: (kind: string) => jobsApi.run(kind),
    onSuccess: () => {
      void message.success(t.jobStarted2);
      void client.invalidateQueries({ queryKey: ['jobs'] });
    },
    onError: (error) => void message.error(error.message),
  });
  if (list.error) return <ErrorResult error={list.error} />;
  const manage = me.permissions.includes('jobs.manage');
  const items = list.data?.items ?? [];
  const by = (job: JobView) =>
    job.orgUnit
      ? [job.enqueuedBy?.fullName, job.orgUnit.name].filter(Boolean).join(' · ')
      : t.jobSystem;
  const cancelButton = (job: JobView) =>
    (manage || job.enqueuedBy?.id === me.id) && OPEN.includes(job.state) ? (
      <Popconfirm title={t.jobCancelConfirm} onConfirm={() => cancel.mutate(job.id)}>
        <Button size="small" danger loading={cancel.isPending && cancel.variables === job.id}>
          {t.jobCancel}
        </Button>
      </Popconfirm>
    ) : null;
  const stateTag = (job: JobView) => (
    <Tag color={STATE_COLORS[job.state]}>{label(t, `jobState_${job.state}`)}</Tag>
  );
  const pagination = {
    current: page,
    total: list.data?.total ?? 0,
    pageSize: 20,
    onChange: setPage,
    hideOnSinglePage: true,
    showSizeChanger: false,
  };
  return (
    <Card title={t.jobs}>
      <Typography.Paragraph type="secondary">{t.jobsIntro}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t.jobState}
          style={{ minWidth: 180 }}
          value={state ?? ''}
          onChange={(value: JobState | '') => {
            setState(value || undefined);
            setPage(1);
          }}
          options={[
            { value: '', label: t.jobAllStates },
            ...STATES.map((s) => ({ value: s, label: label(t, `jobState_${s}`) })),
          ]}
        />
        {(list.data?.runnable ?? []).map((kind) => (
          <Button
            key={kind}
            type="primary"
            loading={run.isPending && run.variables === kind}
            onClick={() => run.mutate(kind)}
            // A job's name may be longer than a phone is wide: the button wraps.
            style={{ whiteSpace: 'normal', height: 'auto', maxWidth: '100%', textAlign: 'left' }}
          >
            {t.jobRunNow}: {label(t, `jobKind_${kind}`)}
          </Button>
        ))}
      </Space>
      {phone ? (
        <List
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: t.jobNone }}
          pagination={items.length ? pagination : false}
          renderItem={(job) => (
            <List.Item key={job.id} data-job-id={job.id} style={{ display: 'block' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
                <Typography.Text strong>{label(t, `jobKind_${job.kind}`)}</Typography.Text>
                {stateTag(job)}
              </Space>
              <JobProgress job={job} />
              <div style={{ fontSize: 12, color: '#666' }}>
                {t.jobCreated} {when(job.createdAt)}
                {!job.startedAt && OPEN.includes(job.state)
                  ? ` · ${t.jobRunAt} ${when(job.runAt)}`
                  : ''}
                {job.finishedAt ? ` · ${t.jobFinished} ${when(job.finishedAt)}` : ''}
              </div>
              <div style={{ fontSize: 12, color: '#666' }}>{by(job)}</div>
              <Result job={job} meId={me.id} />
              <div style={{ marginTop: 4 }}>{cancelButton(job)}</div>
            </List.Item>
          )}
        />
      ) : (
        <Table<JobView>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={items}
          locale={{ emptyText: t.jobNone }}
          scroll={{ x: true }}
          pagination={pagination}
          onRow={(job) => ({ 'data-job-id': job.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t.jobKind,
              dataIndex: 'kind',
              render: (k: string) => label(t, `jobKind_${k}`),
            },
            { title: t.jobState, render: (_: unknown, job) => stateTag(job) },
            { title: t.jobProgress, render: (_: unknown, job) => <JobProgress job={job} /> },
            { title: t.jobCreated, dataIndex: 'createdAt', render: when },
            {
              title: t.jobStarted,
              render: (_: unknown, job) =>
                job.startedAt
                  ? when(job.startedAt)
                  : OPEN.includes(job.state)
                    ? `${t.jobRunAt} ${when(job.runAt)}`
                    : '—',
            },
            { title: t.jobFinished, dataIndex: 'finishedAt', render: when },
            { title: t.jobAttempts, dataIndex: 'attempts' },
            { title: t.jobBy, render: (_: unknown, job) => by(job) },
            {
              title: `${t.jobError} / ${t.jobResult}`,
              render: (_: unknown, job) => <Result job={job} meId={me.id} />,
            },
            { title: '', render: (_: unknown, job) => cancelButton(job) },
          ]}
        />
      )}
    </Card>
  );
}
