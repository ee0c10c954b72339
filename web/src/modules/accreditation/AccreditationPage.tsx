import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { Campaign, CampaignBody } from '../../../../src/modules/accreditation/contract.ts';
import {
  CONFIDENCE_LABELS,
  CYCLE_STATUS_LABELS,
  type CycleStatus,
} from '../../../../src/modules/accreditation/labels.ts';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { accreditationApi } from './api.ts';
import { ExpiringCard } from './ExpiringCard.tsx';
import { LevelFourImport } from './LevelFourImport.tsx';
import { messages } from './messages.ts';

export const STATUS_COLORS: Record<CycleStatus, string> = {
  not_started: 'default',
  in_progress: 'processing',
  submitted: 'blue',
  returned: 'orange',
  accepted: 'success',
};

function NewCampaign() {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const sets = useQuery({ queryKey: ['accreditation', 'sets'], queryFn: accreditationApi.sets });
  const [form] = Form.useForm<CampaignBody>();
  const setId = Form.useWatch('setId', form);
  const chosen = sets.data?.find((s) => s.id === setId);
  const create = useMutation({
    mutationFn: accreditationApi.createCampaign,
    // Not returned (react-query would await it): the button is free at once, the list reloads behind.
    onSuccess: () => void client.invalidateQueries({ queryKey: ['accreditation', 'campaigns'] }),
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <Card title={m.newCampaign} size="small">
      <Form
        form={form}
        layout="vertical"
        initialValues={{ schoolYear: currentSchoolYear() }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="setId" label={m.set} rules={[{ required: true }]}>
          <Select options={(sets.data ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        {chosen && (
          <Alert
            type={chosen.confidence === 'confirmed' ? 'success' : 'warning'}
            style={{ marginBottom: 16 }}
            message={`${m.confidence}: ${CONFIDENCE_LABELS[chosen.confidence][lang]}`}
            description={
              <>
                <div>{chosen.confidenceNote}</div>
                <div>{chosen.legalBasis.join('; ')}</div>
                <div>{chosen.source}</div>
              </>
            }
          />
        )}
        <Form.Item
          name="schoolYear"
          label={m.schoolYear}
          rules={[{ required: true, pattern: /^\d{4}-\d{4}$/ }]}
        >
          <Input style={{ maxWidth: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {m.create}
        </Button>
      </Form>
    </Card>
  );
}

function Progress({ campaign }: { campaign: Campaign }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const navigate = useNavigate();
  const [status, setStatus] = useState<CycleStatus | undefined>();
  const [page, setPage] = useState(1);
  const progress = useQuery({
    queryKey: ['accreditation', 'progress', campaign.id, status, page],
    queryFn: () => accreditationApi.progress(campaign.id, { status, page }),
  });
  if (progress.error) return <ErrorResult error={progress.error} />;
  const counts = progress.data?.counts;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {counts &&
          (Object.keys(CYCLE_STATUS_LABELS) as CycleStatus[]).map((s) => (
            <Tag key={s} color={STATUS_COLORS[s]}>
              {CYCLE_STATUS_LABELS[s][lang]}: {counts[s].toLocaleString('vi-VN')}
            </Tag>
          ))}
        <Select
          allowClear
          placeholder={m.allStatuses}
          style={{ minWidth: 180 }}
          value={status}
          onChange={(v: CycleStatus | undefined) => {
            setStatus(v);
            setPage(1);
          }}
          options={(Object.keys(CYCLE_STATUS_LABELS) as CycleStatus[]).map((s) => ({
            value: s,
            label: CYCLE_STATUS_LABELS[s][lang],
          }))}
        />
      </Space>
      <Table
        rowKey={(r) => r.school.id}
        size="small"
        loading={progress.isLoading}
        scroll={{ x: true }}
        dataSource={progress.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 100,
          total: progress.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: m.school, render: (_, r) => `${r.school.code} · ${r.school.name}` },
          {
            title: m.status,
            render: (_, r) => (
              <Tag color={STATUS_COLORS[r.status]}>{CYCLE_STATUS_LABELS[r.status][lang]}</Tag>
            ),
          },
          {
            title: m.submittedAt,
            render: (_, r) => (r.submittedAt ? formatDate(r.submittedAt) : '—'),
          },
          {
            title: '',
            render: (_, r) =>
              r.cycleId ? (
                <Button size="small" onClick={() => navigate(`/kiem-dinh/ho-so/${r.cycleId}`)}>
                  {m.open}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}

function SchoolStart({ campaign, me }: { campaign: Campaign; me: Me }) {
  const m = useMessages(messages);
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const open = useMutation({
    mutationFn: () => accreditationApi.openCycle(campaign.id, me.orgUnit.id),
    onSuccess: (cycle) => navigate(`/kiem-dinh/ho-so/${cycle.id}`),
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <Button type="primary" loading={open.isPending} onClick={() => open.mutate()}>
      {m.startCycle}
    </Button>
  );
}

export default function AccreditationPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const campaigns = useQuery({
    queryKey: ['accreditation', 'campaigns'],
    queryFn: accreditationApi.campaigns,
  });
  const sets = useQuery({
    queryKey: ['accreditation', 'sets'],
    queryFn: accreditationApi.sets,
    enabled: me.permissions.includes('accreditation.manage'),
  });
  const school = me.orgUnit.kind === 'school';
  if (campaigns.error) return <ErrorResult error={campaigns.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      {me.permissions.includes('accreditation.manage') && <NewCampaign />}
      {me.permissions.includes('accreditation.review') && <ExpiringCard />}
      {me.permissions.includes('accreditation.manage') && sets.data && (
        <LevelFourImport sets={sets.data} />
      )}
      {campaigns.data?.length === 0 && <Typography.Text>{m.noCampaigns}</Typography.Text>}
      {(campaigns.data ?? []).map((c) => (
        <Card
          key={c.id}
          size="small"
          title={c.name}
          extra={<Typography.Text type="secondary">{c.schoolYear}</Typography.Text>}
        >
          <Typography.Paragraph type="secondary">
            {m.set}: {c.set.name}
          </Typography.Paragraph>
          {school && me.permissions.includes('accreditation.assess') ? (
            <SchoolStart campaign={c} me={me} />
          ) : (
            <Progress campaign={c} />
          )}
        </Card>
      ))}
    </Space>
  );
}
