import { useQuery } from '@tanstack/react-query';
import { Alert, Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { admissionsApi } from './api.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { entryMessages, messages } from './messages.ts';

/** Every campaign, for families: each links to its page (sign-in, counts, results). */
export default function PublicCampaignsPage() {
  const m = useMessages(messages);
  const e = useMessages(entryMessages);
  const list = useQuery({
    queryKey: ['admissions', 'public'],
    queryFn: () => admissionsApi.publicCampaigns(),
  });
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 12 }}>
      <Card title={m.publicTitle}>
        <Typography.Paragraph type="secondary">{m.publicIntro}</Typography.Paragraph>
        <Typography.Paragraph>
          <Link to="/tuyen-sinh-dau-cap">{e.title}</Link>
        </Typography.Paragraph>
        {list.error && <Alert type="error" message={list.error.message} />}
        <List
          dataSource={(list.data ?? []).filter((c) => (c.grade ?? 10) === 10)}
          locale={{ emptyText: m.noCampaigns }}
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={<Link to={`/tuyen-sinh-10/${c.id}`}>{c.name}</Link>}
                description={
                  <span>
                    <Tag color={c.status === 'open' ? 'green' : 'blue'}>{m[c.status]}</Tag>
                    {m.closes}: {formatDate(c.closesAt, true)}
                  </span>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
