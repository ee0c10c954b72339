import { Table, Tag } from 'antd';
import type {
  AdmittedRow,
  CandidateRow,
  ProgramRow,
} from '../../../../src/modules/admissions/contract.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { formatNumber } from './format.ts';
import { messages } from './messages.ts';

/** Programs with quota, and after allocation admitted, cutoff and what-if. */
export function ProgramsTable({ programs }: { programs: ProgramRow[] }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  return (
    <Table
      size="small"
      rowKey="program"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={programs}
      columns={[
        { title: m.program, dataIndex: 'program' },
        { title: m.school, dataIndex: 'schoolName', responsive: ['sm'] },
        {
          title: m.quota,
          dataIndex: 'quota',
          align: 'right',
          render: (n: number) => formatNumber(lang, n),
        },
        {
          title: m.admittedCount,
          dataIndex: 'admitted',
          align: 'right',
          render: (n: number | null) => (n === null ? '—' : formatNumber(lang, n)),
        },
        {
          title: m.cutoff,
          dataIndex: 'cutoff',
          align: 'right',
          render: (n: number | null) => (n === null ? '—' : formatNumber(lang, n, 2)),
        },
        {
          title: m.whatIf,
          dataIndex: 'whatIf',
          responsive: ['sm'],
          render: (w: number[] | null) =>
            w ? w.map((n) => `+${formatNumber(lang, n)}`).join(' / ') : '—',
        },
      ]}
    />
  );
}

/** A school's candidates: registered or not, the version in force, the score. */
export function CandidatesTable({ rows }: { rows: CandidateRow[] }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  return (
    <Table
      size="small"
      rowKey="code"
      scroll={{ x: 'max-content' }}
      dataSource={rows}
      columns={[
        { title: m.code, dataIndex: 'code' },
        { title: m.candidate, dataIndex: 'fullName' },
        {
          title: m.school,
          key: 'school',
          responsive: ['sm'],
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
          render: (n: number | null) => (n === null ? '—' : formatNumber(lang, n, 2)),
        },
      ]}
    />
  );
}

/** The admitted list of the caller's schools and who answered the offer. */
export function AdmittedTable({ rows }: { rows: AdmittedRow[] }) {
  const m = useMessages(messages);
  return (
    <Table
      size="small"
      rowKey="code"
      scroll={{ x: 'max-content' }}
      dataSource={rows}
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
  );
}
