import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Table, Tag, Typography } from 'antd';
import type { AdmittedRow, CampaignDetail } from '../../../../src/modules/admissions/contract.ts';
import type { UnservedList } from '../../../../src/modules/admissions/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { EntryChildren } from './EntryChildren.tsx';
import { entryMessages, messages } from './messages.ts';

/**
 * An entry-grade campaign's staff cards: the children whose residence no
 * catchment serves (for the commune), and the admitting schools' check of
 * each admitted child's documents.
 */
export function EntryCampaignExtras({
  campaign,
  admitted,
  schools,
  records = false,
}: {
  campaign: CampaignDetail;
  admitted: AdmittedRow[];
  schools: boolean;
  /** The caller is a school: it records children outside the registry. */
  records?: boolean;
}) {
  return (
    <>
      {schools && campaign.status === 'open' && (
        <EntryChildren campaign={campaign} records={records} />
      )}
      <Unserved campaign={campaign} />
      {schools && campaign.status === 'published' && (
        <DocumentsCheck campaign={campaign} admitted={admitted} />
      )}
    </>
  );
}

function Unserved({ campaign }: { campaign: CampaignDetail }) {
  const m = useMessages(entryMessages);
  const g = useMessages(messages);
  const list = useQuery({
    queryKey: ['admissions', campaign.id, 'unserved'],
    queryFn: () => admissionsApi.unserved(campaign.id),
  });
  return (
    <Card size="small" title={m.unservedTitle} style={{ marginBottom: 12 }}>
      {list.error && <Alert type="error" message={problemText(list.error)} />}
      <Table
        size="small"
        rowKey="code"
        data-testid="unserved"
        scroll={{ x: 'max-content' }}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: m.unservedNone }}
        columns={[
          // At phone width: the child, the area, the school chosen.
          { title: g.code, dataIndex: 'code', responsive: ['md'] },
          { title: m.child, dataIndex: 'fullName' },
          {
            title: g.birthDateLabel,
            dataIndex: 'birthDate',
            responsive: ['md'],
            render: (d: string) => formatDate(d),
          },
          {
            title: m.residenceKind,
            dataIndex: 'residence',
            responsive: ['md'],
            render: (r: UnservedList[number]['residence']) => (r ? m[r] : '—'),
          },
          {
            title: m.area,
            key: 'area',
            render: (_: unknown, r: UnservedList[number]) => `${r.areaName} (${r.areaCode})`,
          },
          {
            title: m.commune,
            key: 'commune',
            responsive: ['md'],
            render: (_: unknown, r: UnservedList[number]) => r.commune.name,
          },
          {
            title: m.chosen,
            dataIndex: 'schools',
            render: (s: string[]) => s.join(', ') || '—',
          },
          {
            title: m.submittedAt,
            dataIndex: 'submittedAt',
            responsive: ['md'],
            render: (d: string | null) => (d ? formatDate(d, true) : '—'),
          },
        ]}
      />
    </Card>
  );
}

function DocumentsCheck({
  campaign,
  admitted,
}: {
  campaign: CampaignDetail;
  admitted: AdmittedRow[];
}) {
  const m = useMessages(entryMessages);
  const g = useMessages(messages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const check = async (row: AdmittedRow, checked: boolean) => {
    try {
      await admissionsApi.checkDocuments(campaign.id, row.code, checked);
      await client.invalidateQueries({ queryKey: ['admissions', campaign.id, 'admitted'] });
    } catch (e) {
      void message.error(problemText(e));
    }
  };
  return (
    <Card size="small" title={m.documentsTitle} style={{ marginBottom: 12 }}>
      <Typography.Paragraph type="secondary">{m.documentsHint}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="code"
        data-testid="documents"
        scroll={{ x: 'max-content' }}
        dataSource={admitted}
        columns={[
          { title: g.code, dataIndex: 'code', responsive: ['md'] },
          { title: m.child, dataIndex: 'fullName' },
          { title: m.school, dataIndex: 'program' },
          {
            title: m.family,
            dataIndex: 'response',
            render: (r: AdmittedRow['response']) => (r ? m[r] : m.waiting),
          },
          {
            title: m.documentsDone,
            key: 'documents',
            render: (_: unknown, r: AdmittedRow) =>
              r.documentsChecked ? (
                <span>
                  <Tag color="green">{m.documentsDone}</Tag>
                  <Button size="small" type="link" onClick={() => void check(r, false)}>
                    {m.unmark}
                  </Button>
                </span>
              ) : (
                <Button
                  size="small"
                  disabled={r.response === 'declined' || r.response === 'lapsed'}
                  onClick={() => void check(r, true)}
                >
                  {m.markChecked}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
