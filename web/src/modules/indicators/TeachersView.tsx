import { Button, Card, Space, Table, Typography } from 'antd';
import type {
  TeacherFigures,
  TeacherReport,
  UnitBrief,
} from '../../../../src/modules/indicators/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { decimals, downloadCsv, type Lang, type Level } from './format.ts';
import { messages } from './messages.ts';
import { UnitLink } from './UnitLink.tsx';

/** Teacher surplus and shortage by the norms: the unit's total and each child unit's. */
export function TeachersView({
  report,
  onDrill,
  lang,
}: {
  report: TeacherReport;
  onDrill: (u: UnitBrief) => void;
  lang: Lang;
}) {
  const m = useMessages(messages);
  const fmt = decimals(lang);
  const difference = (d: number) => (
    <Typography.Text type={d < 0 ? 'danger' : d > 0 ? 'warning' : 'success'}>
      {d > 0 ? '+' : ''}
      {fmt.format(d)} {d < 0 ? `(${m.shortage})` : d > 0 ? `(${m.surplus})` : ''}
    </Typography.Text>
  );
  const figureColumns = [
    { title: m.classes, dataIndex: 'classes', align: 'right' as const },
    { title: m.twoSessions, dataIndex: 'classesTwoSessions', align: 'right' as const },
    { title: m.teacherCount, dataIndex: 'teachers', align: 'right' as const },
    {
      title: m.norm,
      dataIndex: 'norm',
      align: 'right' as const,
      render: (v: number) => fmt.format(v),
    },
    {
      title: m.difference,
      dataIndex: 'difference',
      align: 'right' as const,
      render: (v: number) => difference(v),
    },
  ];
  const levelRows = (rows: (TeacherFigures & { level: Level })[]) => (
    <Table
      size="small"
      rowKey="level"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: m.level, dataIndex: 'level', render: (l: Level) => m[l] },
        ...figureColumns,
      ]}
    />
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`${m.total}: ${report.unit.name}`}>
        {levelRows(report.total)}
      </Card>
      {report.children.length > 0 && (
        <Card
          size="small"
          title={m.byUnit}
          extra={
            <Button
              size="small"
              onClick={() =>
                downloadCsv(
                  `dinh-muc-giao-vien-${report.unit.code}-${report.year}.csv`,
                  [m.unit, m.level, m.classes, m.twoSessions, m.teacherCount, m.norm, m.difference],
                  report.children.flatMap((c) =>
                    c.levels.map((l) => [
                      c.unit.name,
                      m[l.level],
                      l.classes,
                      l.classesTwoSessions,
                      l.teachers,
                      l.norm.toFixed(2),
                      l.difference.toFixed(2),
                    ]),
                  ),
                )
              }
            >
              {m.exportCsv}
            </Button>
          }
        >
          <Table
            size="small"
            rowKey={(c) => c.unit.id}
            dataSource={report.children}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="teacher-children"
            expandable={{ expandedRowRender: (c) => levelRows(c.levels) }}
            columns={[
              {
                title: m.unit,
                render: (_, c) => <UnitLink unit={c.unit} onDrill={onDrill} />,
              },
              ...figureColumns.map((col) => ({
                ...col,
                dataIndex: ['total', col.dataIndex],
              })),
            ]}
          />
        </Card>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m.norms}: {report.sources.join('; ')}
      </Typography.Text>
    </Space>
  );
}
