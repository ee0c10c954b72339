import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { PublicCampaign } from '../../../../src/modules/admissions/contract.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { EntryCounts } from './EntryCounts.tsx';
import { entryMessages, messages } from './messages.ts';

/** Families' page of the entry-grade campaigns (grade 1, grade 6): each with its live counts per school. */
export default function EntryCampaignsPage() {
  const m = useMessages(entryMessages);
  const g = useMessages(messages);
  const { lang, setLang } = useI18n();
  const list = useQuery({
    queryKey: ['admissions', 'public'],
    queryFn: () => admissionsApi.publicCampaigns(),
  });
  const entry = (list.data ?? []).filter((c) => c.grade === 1 || c.grade === 6);
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Link to="/tuyen-sinh-10">{m.grade10Link}</Link>
        <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {g.language}
        </Button>
      </Space>
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      {list.error && <Alert type="error" message={list.error.message} />}
      {list.data && entry.length === 0 && <Alert type="info" message={m.noCampaigns} />}
      {entry.map((c) => (
        <EntryCampaignCard key={c.id} campaign={c} />
      ))}
    </div>
  );
}

function EntryCampaignCard({ campaign: c }: { campaign: PublicCampaign }) {
  const m = useMessages(entryMessages);
  const g = useMessages(messages);
  const navigate = useNavigate();
  const counts = useQuery({
    queryKey: ['admissions', c.id, 'entry-counts'],
    queryFn: () => admissionsApi.entryCounts(c.id),
    refetchInterval: 5_000,
  });
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={<Link to={`/tuyen-sinh-dau-cap/${c.id}`}>{c.name}</Link>}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="purple">{c.grade === 1 ? m.grade1 : m.grade6}</Tag>
        <Tag color={c.status === 'open' ? 'green' : 'blue'}>{g[c.status]}</Tag>
        <span>
          {g.closes}: {formatDate(c.closesAt, true)}
        </span>
      </Space>
      <div style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={() => void navigate(`/tuyen-sinh-dau-cap/${c.id}`)}>
          {m.register}
        </Button>
      </div>
      {counts.data && <EntryCounts counts={counts.data} published={c.published} />}
    </Card>
  );
}
