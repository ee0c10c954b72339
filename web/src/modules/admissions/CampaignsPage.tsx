import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type {
  AdmittedRow,
  AllocationSummary,
  CampaignDetail,
  CampaignSummary,
  CandidateRow,
  ImportSummary,
  IssueAnswer,
} from '../../../../src/modules/admissions/contract.ts';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { api, ApiError } from '../../shared/api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { fill, messages } from './messages.ts';

const num = (lang: string, n: number, digits = 0) =>
  n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** The department's and schools' admissions page: campaigns, programs, slips, scores, allocation. */
export default function CampaignsPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const manage = me.permissions.includes('admissions.manage');
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['admissions', 'campaigns'],
    queryFn: () => api.get<CampaignSummary[]>('/api/admissions/campaigns'),
  });
  const current = selected ?? list.data?.[0]?.id ?? null;
  return (
    <div>
      <Typography.Title level={3}>{m.staffTitle}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 280, maxWidth: '100%' }}
          aria-label={m.name}
          value={current ?? undefined}
          onChange={setSelected}
          options={(list.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          placeholder={m.noCampaigns}
        />
      </Space>
      {manage && <NewCampaign onCreated={setSelected} />}
      {current && <Campaign id={current} me={me} />}
    </div>
  );
}

function NewCampaign({ onCreated }: { onCreated: (id: string) => void }) {
  const m = useMessages(messages);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const submit = async (v: {
    name: string;
    schoolYear: string;
    opensAt: Dayjs;
    closesAt: Dayjs;
    confirmBy?: Dayjs;
    maxPreferences: number;
    rankPenalty: number;
    ties: 'admit-all' | 'tiebreak';
  }) => {
    setError(null);
    try {
      const created = await api.post<CampaignSummary>('/api/admissions/campaigns', {
        ...v,
        opensAt: v.opensAt.toISOString(),
        closesAt: v.closesAt.toISOString(),
        confirmBy: v.confirmBy?.toISOString() ?? null,
      });
      await client.invalidateQueries({ queryKey: ['admissions', 'campaigns'] });
      onCreated(created.id);
      setOpen(false);
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  if (!open)
    return (
      <Button style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
        {m.newCampaign}
      </Button>
    );
  return (
    <Card title={m.newCampaign} size="small" style={{ marginBottom: 12 }}>
      <Form
        layout="vertical"
        initialValues={{ maxPreferences: 3, rankPenalty: 0, ties: 'admit-all' }}
        onFinish={(v: Parameters<typeof submit>[0]) => void submit(v)}
      >
        <Form.Item label={m.name} name="name" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={m.schoolYear}
          name="schoolYear"
          rules={[{ required: true, pattern: /^\d{4}-\d{4}$/ }]}
        >
          <Input placeholder="2027-2028" />
        </Form.Item>
        <Space wrap>
          <Form.Item label={m.opens} name="opensAt" rules={[{ required: true }]}>
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item label={m.closes} name="closesAt" rules={[{ required: true }]}>
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item label={m.confirmBy} name="confirmBy">
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label={m.maxPreferences} name="maxPreferences">
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item label={m.rankPenalty} name="rankPenalty">
            <InputNumber min={0} max={100} step={0.25} />
          </Form.Item>
          <Form.Item label={m.ties} name="ties">
            <Select
              style={{ minWidth: 220 }}
              options={[
                { value: 'admit-all', label: m.admitAll },
                { value: 'tiebreak', label: m.tiebreak },
              ]}
            />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit">
          {m.create}
        </Button>
      </Form>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/** "P1,THPT01,40" lines → rows; blank lines skipped. */
function lines(text: string): string[][] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.split(',').map((c) => c.trim()));
}

function Campaign({ id, me }: { id: string; me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const manage = me.permissions.includes('admissions.manage');
  const schools = me.permissions.includes('admissions.candidates');
  const [error, setError] = useState<string | null>(null);
  const [slips, setSlips] = useState<IssueAnswer | null>(null);
  const [programsText, setProgramsText] = useState('');
  const [scoresText, setScoresText] = useState('');
  const base = `/api/admissions/campaigns/${id}`;
  const detail = useQuery({
    queryKey: ['admissions', id],
    queryFn: () => api.get<CampaignDetail>(base),
  });
  const candidates = useQuery({
    queryKey: ['admissions', id, 'candidates'],
    queryFn: () => api.get<CandidateRow[]>(`${base}/candidates`),
    enabled: schools,
  });
  const admitted = useQuery({
    queryKey: ['admissions', id, 'admitted'],
    queryFn: () => api.get<AdmittedRow[]>(`${base}/admitted`),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['admissions', id] });
  const act = async (work: () => Promise<string>) => {
    setError(null);
    try {
      void message.success(await work());
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  const summaryText = (s: ImportSummary) =>
    s.errors
      ? `${fill(m.rowsRefused, s)} ${s.problems.map((p) => `(${p.row}) ${p.message}`).join(' ')}`
      : fill(m.rowsSaved, s);
  const importRows = async (kind: 'programs' | 'scores') => {
    setError(null);
    try {
      const rows =
        kind === 'programs'
          ? lines(programsText).map(([program = '', schoolCode = '', quota = '']) => ({
              program,
              schoolCode,
              quota,
            }))
          : lines(scoresText).map(([code = '', score = '']) => ({ code, score }));
      const s = await api.put<ImportSummary>(`${base}/${kind}`, { rows });
      if (s.errors) setError(summaryText(s));
      else void message.success(summaryText(s));
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  const d = detail.data;
  if (detail.error) return <Alert type="error" message={detail.error.message} />;
  if (!d) return null;
  return (
    <>
      <Card
        size="small"
        title={d.name}
        style={{ marginBottom: 12 }}
        extra={<Link to={`/tuyen-sinh-10/${d.id}`}>{m.publicPage}</Link>}
      >
        <Space wrap>
          <Tag color={d.status === 'open' ? 'green' : 'blue'} data-testid="campaign-status">
            {m[d.status]}
          </Tag>
          <span>
            {m.opens}: {formatDate(d.opensAt, true)}
          </span>
          <span>
            {m.closes}: {formatDate(d.closesAt, true)}
          </span>
          <span>
            {fill(m.totals, {
              candidates: num(lang, d.candidates),
              registered: num(lang, d.registered),
              scored: num(lang, d.scored),
            })}
          </span>
        </Space>
        <Space wrap style={{ marginTop: 12 }}>
          {schools && d.status === 'open' && (
            <Button
              onClick={() =>
                void act(async () => {
                  const r = await api.post<IssueAnswer>(`${base}/candidates/issue`);
                  setSlips(r);
                  return fill(m.issued, r);
                })
              }
            >
              {m.issue}
            </Button>
          )}
          {manage && d.status !== 'published' && (
            <Button
              onClick={() =>
                void act(async () =>
                  fill(m.allocatedSummary, await api.post<AllocationSummary>(`${base}/allocate`)),
                )
              }
            >
              {m.allocate}
            </Button>
          )}
          {manage && d.status === 'allocated' && (
            <Button
              type="primary"
              onClick={() => void act(async () => (await api.post(`${base}/publish`), m.published))}
            >
              {m.publish}
            </Button>
          )}
          {manage && d.status === 'published' && (
            <Button
              onClick={() =>
                void act(async () =>
                  fill(m.offered, await api.post<{ offered: number }>(`${base}/top-up`)),
                )
              }
            >
              {m.topUpRun}
            </Button>
          )}
        </Space>
        {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
      </Card>
      {slips && slips.slips.length > 0 && (
        <Card size="small" title={m.pinsOnce} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="code"
            data-testid="slips"
            scroll={{ x: 'max-content' }}
            dataSource={slips.slips}
            columns={[
              { title: m.code, dataIndex: 'code' },
              { title: m.pin, dataIndex: 'pin' },
              { title: m.candidate, dataIndex: 'fullName' },
              { title: m.school, dataIndex: 'schoolCode' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title={m.programs} style={{ marginBottom: 12 }}>
        <Table
          size="small"
          rowKey="program"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={d.programs}
          columns={[
            { title: m.program, dataIndex: 'program' },
            { title: m.school, dataIndex: 'schoolName' },
            {
              title: m.quota,
              dataIndex: 'quota',
              align: 'right',
              render: (n: number) => num(lang, n),
            },
            {
              title: m.admittedCount,
              dataIndex: 'admitted',
              align: 'right',
              render: (n: number | null) => (n === null ? '—' : num(lang, n)),
            },
            {
              title: m.cutoff,
              dataIndex: 'cutoff',
              align: 'right',
              render: (n: number | null) => (n === null ? '—' : num(lang, n, 2)),
            },
            {
              title: m.whatIf,
              dataIndex: 'whatIf',
              render: (w: number[] | null) =>
                w ? w.map((n) => `+${num(lang, n)}`).join(' / ') : '—',
            },
          ]}
        />
        {manage && d.status === 'open' && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{m.programsHint}</Typography.Text>
            <Input.TextArea
              aria-label={m.programs}
              rows={4}
              value={programsText}
              onChange={(e) => setProgramsText(e.target.value)}
              placeholder="THPT-LeQuyDon,THPT01,630"
            />
            <Button style={{ marginTop: 8 }} onClick={() => void importRows('programs')}>
              {m.importPrograms}
            </Button>
          </div>
        )}
        {manage && d.status !== 'published' && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{m.scoresHint}</Typography.Text>
            <Input.TextArea
              aria-label={m.score}
              rows={4}
              value={scoresText}
              onChange={(e) => setScoresText(e.target.value)}
              placeholder="27000001,27.50"
            />
            <Button style={{ marginTop: 8 }} onClick={() => void importRows('scores')}>
              {m.importScores}
            </Button>
          </div>
        )}
      </Card>
      {schools && (
        <Card size="small" title={m.candidates} style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="code"
            scroll={{ x: 'max-content' }}
            dataSource={candidates.data ?? []}
            columns={[
              { title: m.code, dataIndex: 'code' },
              { title: m.candidate, dataIndex: 'fullName' },
              {
                title: m.school,
                key: 'school',
                render: (_: unknown, r: CandidateRow) => r.school.name,
              },
              {
                title: m.status,
                key: 'registered',
                filters: [
                  { text: m.registered, value: 'yes' },
                  { text: m.notRegistered, value: 'no' },
                ],
                onFilter: (v, r) => (v === 'yes') === r.choices > 0,
                render: (_: unknown, r: CandidateRow) =>
                  r.choices > 0 ? (
                    <Tag color="green">
                      {m.registered} · {m.version} {r.version}
                    </Tag>
                  ) : (
                    <Tag>{m.notRegistered}</Tag>
                  ),
              },
              {
                title: m.score,
                dataIndex: 'score',
                align: 'right',
                render: (n: number | null) => (n === null ? '—' : num(lang, n, 2)),
              },
            ]}
          />
        </Card>
      )}
      {(admitted.data?.length ?? 0) > 0 && (
        <Card size="small" title={m.admittedList}>
          <Table
            size="small"
            rowKey="code"
            scroll={{ x: 'max-content' }}
            dataSource={admitted.data ?? []}
            columns={[
              { title: m.code, dataIndex: 'code' },
              { title: m.candidate, dataIndex: 'fullName' },
              { title: m.program, dataIndex: 'program' },
              { title: m.preference, dataIndex: 'rank' },
              {
                title: m.response,
                dataIndex: 'response',
                render: (r: AdmittedRow['response']) => (r ? m[r] : '—'),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
