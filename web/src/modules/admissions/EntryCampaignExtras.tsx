import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { AdmittedRow, CampaignDetail } from '../../../../src/modules/admissions/contract.ts';
import type { UnservedList } from '../../../../src/modules/admissions/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { EntryChildren } from './EntryChildren.tsx';
import { EntryRulesCard } from './EntryRules.tsx';
import { entryFamilyMessages } from './entryFamilyMessages.ts';
import { entryStaffMessages } from './entryStaffMessages.ts';
import { entryMessages, messages } from './messages.ts';

/**
 * An entry-grade campaign's staff cards: its rules and their history, the
 * children whose residence no catchment serves (for the commune), and the
 * admitting schools' check of each admitted child's documents.
 */
export function EntryCampaignExtras({
  campaign,
  admitted,
  schools,
  manage,
  records = false,
}: {
  campaign: CampaignDetail;
  admitted: AdmittedRow[];
  schools: boolean;
  /** The caller runs the campaign: it may change the rules. */
  manage: boolean;
  /** The caller is a school: it records children outside the registry. */
  records?: boolean;
}) {
  return (
    <>
      <EntryRulesCard campaign={campaign} manage={manage} />
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
  const s = useMessages(entryStaffMessages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const asks = (campaign.entryRules?.documents?.length ?? 0) > 0;
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
          // The sibling the family declared at this school: the relationship is checked with the papers.
          ...(admitted.some((r) => r.sibling)
            ? [
                {
                  title: m.siblingColumn,
                  key: 'sibling',
                  render: (_: unknown, r: AdmittedRow) =>
                    r.sibling
                      ? `${r.sibling.fullName}${r.sibling.studentCode ? ` (${r.sibling.studentCode})` : ''}`
                      : '',
                },
              ]
            : []),
          // The files the family uploaded, when the campaign asks for documents.
          ...(asks
            ? [
                {
                  title: s.uploadedFiles,
                  key: 'files',
                  render: (_: unknown, r: AdmittedRow) => (
                    <AdmittedFiles campaign={campaign.id} code={r.code} />
                  ),
                },
              ]
            : []),
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

/**
 * One admitted child's uploaded files (the school's documents check), each
 * with its kind and a link that opens it. Only the table's current page is
 * rendered, so only its children's lists are asked for.
 */
function AdmittedFiles({ campaign, code }: { campaign: string; code: string }) {
  const s = useMessages(entryStaffMessages);
  const f = useMessages(entryFamilyMessages);
  const files = useQuery({
    queryKey: ['admissions', campaign, 'admitted-evidence', code],
    queryFn: () => admissionsApi.admittedEvidence(campaign, code),
  });
  if (files.error) return <Typography.Text type="danger">{s.filesError}</Typography.Text>;
  if (!files.data) return null;
  if (files.data.files.length === 0)
    return <Typography.Text type="secondary">{s.noFiles}</Typography.Text>;
  return (
    <Space direction="vertical" size={0} data-testid={`files-${code}`}>
      {files.data.files.map((file) => (
        <span key={file.id} style={{ overflowWrap: 'anywhere' }}>
          {f[file.kind]}:{' '}
          <a
            href={admissionsApi.admittedEvidenceUrl(campaign, code, file.id)}
            target="_blank"
            rel="noreferrer"
            aria-label={fill(s.openFile, { name: file.fileName })}
          >
            {file.fileName}
          </a>
        </span>
      ))}
    </Space>
  );
}
