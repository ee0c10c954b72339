import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type {
  ApplicationAnswer,
  CountsAnswer,
  PublicCampaign,
  ResultAnswer,
  SubmittedAnswer,
} from '../../../../src/modules/admissions/contract.ts';
import { api, ApiError } from '../../shared/api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { candidateRequest, setCandidateCsrf } from './candidateApi.ts';
import { fill, messages } from './messages.ts';

const number = (lang: string, n: number, digits = 0) =>
  n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** The public page of a campaign: sign-in with the slip, preferences, live counts, results. */
export default function CandidatePage() {
  const { campaign = '' } = useParams();
  const m = useMessages(messages);
  const { lang, setLang } = useI18n();
  const base = `/api/public/admissions/${campaign}`;
  const info = useQuery({
    queryKey: ['admissions', campaign],
    queryFn: () => api.get<PublicCampaign>(base),
  });
  const counts = useQuery({
    queryKey: ['admissions', campaign, 'counts'],
    queryFn: () => api.get<CountsAnswer>(`${base}/counts`),
    refetchInterval: 3_000,
  });
  const application = useQuery({
    queryKey: ['admissions', campaign, 'application'],
    queryFn: async () => {
      try {
        return await candidateRequest<ApplicationAnswer>('GET', `${base}/application`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
  const c = info.data;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Link to="/tuyen-sinh-10">{m.publicTitle}</Link>
        <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {m.language}
        </Button>
      </Space>
      {info.error && <Alert type="error" message={info.error.message} />}
      {c && (
        <Card title={c.name} size="small" style={{ marginBottom: 12 }}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={m.opens}>{formatDate(c.opensAt, true)}</Descriptions.Item>
            <Descriptions.Item label={m.closes}>{formatDate(c.closesAt, true)}</Descriptions.Item>
            {c.confirmBy && (
              <Descriptions.Item label={m.confirmBy}>
                {formatDate(c.confirmBy, true)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={m.status}>
              <Tag color={c.status === 'open' ? 'green' : 'blue'}>{m[c.status]}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {c.rankPenalty > 0 && (
            <Alert
              type="info"
              showIcon
              message={fill(m.penaltyHint, { d: number(lang, c.rankPenalty, 2) })}
            />
          )}
        </Card>
      )}
      {c && application.data === null && <SignIn campaign={campaign} />}
      {c && application.data && (
        <>
          {c.published && <MyResult campaign={campaign} />}
          <MyApplication
            campaign={c}
            application={application.data}
            programs={counts.data?.programs ?? []}
          />
        </>
      )}
      {counts.data && <Counts counts={counts.data} published={c?.published ?? false} />}
      {c?.published && <Lookup campaign={campaign} />}
    </div>
  );
}

function SignIn({ campaign }: { campaign: string }) {
  const m = useMessages(messages);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { code: string; pin: string }) => {
    setError(null);
    setBusy(true);
    try {
      const r = await candidateRequest<{ csrfToken: string }>(
        'POST',
        `/api/public/admissions/${campaign}/sign-in`,
        values,
      );
      setCandidateCsrf(r.csrfToken);
      await client.invalidateQueries({ queryKey: ['admissions', campaign] });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={m.signInTitle} size="small" style={{ marginBottom: 12 }}>
      <Form layout="vertical" onFinish={(v: { code: string; pin: string }) => void submit(v)}>
        <Form.Item label={m.code} name="code" rules={[{ required: true }]}>
          <Input autoComplete="username" inputMode="numeric" />
        </Form.Item>
        <Form.Item label={m.pin} name="pin" rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" inputMode="numeric" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m.signIn}
        </Button>
      </Form>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function MyApplication({
  campaign,
  application,
  programs,
}: {
  campaign: PublicCampaign;
  application: ApplicationAnswer;
  programs: CountsAnswer['programs'];
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const base = `/api/public/admissions/${campaign.id}`;
  const current = application.preferences.map((p) => p.program);
  const [choices, setChoices] = useState<(string | undefined)[] | null>(null);
  const shown = choices ?? current;
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const now = Date.now();
  const open =
    campaign.status === 'open' &&
    now >= Date.parse(campaign.opensAt) &&
    now < Date.parse(campaign.closesAt);
  const reload = async () => {
    setChoices(null);
    await client.invalidateQueries({ queryKey: ['admissions', campaign.id, 'application'] });
  };
  const send = async (preferences: string[]) => {
    setError(null);
    setStale(false);
    try {
      const r =
        preferences.length === 0
          ? await candidateRequest<SubmittedAnswer>('DELETE', `${base}/application`, {
              baseVersion: application.version,
            })
          : await candidateRequest<SubmittedAnswer>('PUT', `${base}/application`, {
              preferences,
              baseVersion: application.version,
            });
      void message.success(`${m.saved} ${r.version}`);
      await reload();
    } catch (e) {
      if (isStale(e)) {
        setStale(true);
        await reload();
      } else setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  const options = programs.map((p) => ({
    value: p.program,
    label: `${p.program} — ${p.schoolName} (${m.quota} ${p.quota})`,
  }));
  return (
    <Card
      title={`${m.myApplication}: ${application.candidate.fullName} (${application.candidate.code})`}
      size="small"
      style={{ marginBottom: 12 }}
      extra={<span data-testid="version">{`${m.version} ${application.version}`}</span>}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="stale-notice"
          message={m.staleTitle}
          description={m.staleHint}
          style={{ marginBottom: 12 }}
        />
      )}
      {!open && <Alert type="info" message={m.closed} style={{ marginBottom: 12 }} />}
      <Space direction="vertical" style={{ width: '100%' }}>
        {Array.from({ length: campaign.maxPreferences }, (_, i) => (
          <Select
            key={i}
            aria-label={`${m.preference} ${i + 1}`}
            data-testid={`preference-${i + 1}`}
            placeholder={`${m.preference} ${i + 1}: ${m.choose}`}
            allowClear
            disabled={!open}
            value={shown[i]}
            options={options}
            style={{ width: '100%' }}
            onChange={(v?: string) => {
              const next = [...shown];
              next[i] = v;
              setChoices(next);
            }}
          />
        ))}
      </Space>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
      <Space style={{ marginTop: 12 }} wrap>
        <Button
          type="primary"
          disabled={!open}
          onClick={() => void send(shown.filter((x): x is string => Boolean(x)))}
        >
          {m.save}
        </Button>
        <Popconfirm title={m.withdrawConfirm} onConfirm={() => void send([])} disabled={!open}>
          <Button danger disabled={!open || current.length === 0}>
            {m.withdraw}
          </Button>
        </Popconfirm>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {m.history}
      </Typography.Title>
      {application.history.length === 0 ? (
        <Typography.Text type="secondary">{m.noVersion}</Typography.Text>
      ) : (
        <List
          size="small"
          data-testid="history"
          dataSource={application.history}
          renderItem={(h) => (
            <List.Item>
              <span>
                <b>
                  {m.version} {h.version}
                </b>{' '}
                · {formatDate(h.submittedAt, true)}
                {h.onBehalf ? ` · ${m.onBehalf}` : ''} ·{' '}
                {h.preferences.length
                  ? h.preferences.map((p) => `NV${p.rank} ${p.program}`).join(', ')
                  : m.withdrawn}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function MyResult({ campaign }: { campaign: string }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const base = `/api/public/admissions/${campaign}`;
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const result = useQuery({
    queryKey: ['admissions', campaign, 'result'],
    queryFn: () => candidateRequest<ResultAnswer>('GET', `${base}/result`),
  });
  const respond = async (accept: boolean) => {
    setError(null);
    try {
      await candidateRequest<ResultAnswer>('POST', `${base}/confirmation`, { accept });
      await client.invalidateQueries({ queryKey: ['admissions', campaign, 'result'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  const r = result.data;
  if (!r) return null;
  return (
    <Card title={m.result} size="small" style={{ marginBottom: 12 }} data-testid="result">
      {r.program ? (
        <Alert
          type="success"
          showIcon
          message={`${r.round === 'top_up' ? m.topUp : m.admitted}: NV${r.rank} ${r.program} — ${r.schoolName ?? ''}`}
          description={`${m.score}: ${number(lang, r.score ?? 0, 2)} · ${m.cutoff}: ${number(lang, r.cutoff ?? 0, 2)}`}
        />
      ) : (
        <Alert type="warning" showIcon message={m.notAdmitted} />
      )}
      {r.missed?.map((x) => (
        <Typography.Paragraph key={x.rank} type="secondary" style={{ margin: '8px 0 0' }}>
          {fill(m.missed, { rank: x.rank, program: x.program, needed: number(lang, x.needed, 2) })}
        </Typography.Paragraph>
      ))}
      {r.program && r.response === null && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" onClick={() => void respond(true)}>
            {m.confirm}
          </Button>
          <Button onClick={() => void respond(false)}>{m.decline}</Button>
        </Space>
      )}
      {r.response && (
        <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="response">
          {m[r.response]}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

function Counts({ counts, published }: { counts: CountsAnswer; published: boolean }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const ranks = counts.programs[0]?.byRank.length ?? 0;
  return (
    <Card
      title={m.counts}
      size="small"
      style={{ marginBottom: 12 }}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.countsUpdated} {formatDate(counts.updatedAt, true)}
        </Typography.Text>
      }
    >
      <Table
        size="small"
        rowKey="program"
        data-testid="counts"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={counts.programs}
        columns={[
          {
            title: m.program,
            dataIndex: 'program',
            render: (p: string, row) => (
              <span>
                <b>{p}</b>
                <br />
                <Typography.Text type="secondary">{row.schoolName}</Typography.Text>
              </span>
            ),
          },
          {
            title: m.quota,
            dataIndex: 'quota',
            align: 'right',
            render: (n: number) => number(lang, n),
          },
          ...Array.from({ length: ranks }, (_, k) => ({
            title: `${m.nv}${k + 1}`,
            key: `nv${k + 1}`,
            align: 'right' as const,
            render: (_: unknown, row: CountsAnswer['programs'][number]) => (
              <span data-testid={`count-${row.program}-${k + 1}`}>
                {number(lang, row.byRank[k] ?? 0)}
              </span>
            ),
          })),
          {
            title: m.ratio,
            key: 'ratio',
            align: 'right',
            render: (_: unknown, row) =>
              row.quota > 0 ? number(lang, (row.byRank[0] ?? 0) / row.quota, 2) : '—',
          },
          ...(published
            ? [
                {
                  title: m.cutoff,
                  dataIndex: 'cutoff',
                  align: 'right' as const,
                  render: (v: number | null) => (v === null ? '—' : number(lang, v, 2)),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

function Lookup({ campaign }: { campaign: string }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { code: string; birthDate: string }) => {
    setAnswer(null);
    setError(null);
    const [d, mo, y] = values.birthDate.split('/');
    const birthDate = `${y}-${mo?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
    try {
      const r = await api.get<{
        program: string | null;
        schoolName: string | null;
        score: number | null;
      }>(
        `/api/public/admissions/${campaign}/lookup?${new URLSearchParams({ code: values.code, birthDate }).toString()}`,
      );
      setAnswer(
        r.program
          ? `${m.admitted}: ${r.program} — ${r.schoolName ?? ''} · ${m.score} ${number(lang, r.score ?? 0, 2)}`
          : m.notAdmitted,
      );
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? m.notFound : String(e));
    }
  };
  return (
    <Card title={m.lookupTitle} size="small">
      <Form layout="vertical" onFinish={(v: { code: string; birthDate: string }) => void submit(v)}>
        <Form.Item label={m.code} name="code" rules={[{ required: true }]}>
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item
          label={m.birthDate}
          name="birthDate"
          rules={[{ required: true, pattern: /^\d{1,2}\/\d{1,2}\/\d{4}$/ }]}
        >
          <Input inputMode="numeric" placeholder="15/03/2012" />
        </Form.Item>
        <Button htmlType="submit">{m.lookup}</Button>
      </Form>
      {answer && (
        <Alert type="info" message={answer} style={{ marginTop: 12 }} data-testid="lookup-answer" />
      )}
      {error && <Alert type="error" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
