import { Card, Table, Typography } from 'antd';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { messages } from './messages.ts';

interface Figures {
  years?: string[];
  classes?: { school_year: string; classes: number; students: number }[];
  staff?: { position: string; count: number }[];
}

const n = (v: number) => v.toLocaleString('vi-VN');

/** sogd's figures for Part I: live until submission, then as frozen. */
export function FiguresPanel({ cycle }: { cycle: CycleDetail }) {
  const m = useMessages(messages);
  const figures = (cycle.frozenData ?? cycle.liveFigures ?? {}) as Figures;
  const years = (figures.years ?? []).map((year) => {
    const rows = (figures.classes ?? []).filter((c) => c.school_year === year);
    return {
      year,
      classes: rows.reduce((a, c) => a + c.classes, 0),
      students: rows.reduce((a, c) => a + c.students, 0),
    };
  });
  const staff = (figures.staff ?? []).reduce((a, s) => a + s.count, 0);
  return (
    <Card size="small" title={m.figures}>
      <Typography.Paragraph type="secondary">
        {cycle.frozenData ? m.figuresFrozen : m.figuresLive}
      </Typography.Paragraph>
      <Table
        rowKey="year"
        size="small"
        pagination={false}
        dataSource={years}
        columns={[
          { title: m.schoolYear, dataIndex: 'year' },
          { title: m.classesCount, render: (_, r) => n(r.classes) },
          { title: m.studentsCount, render: (_, r) => n(r.students) },
        ]}
      />
      <Typography.Text>
        {m.staffCount}: {n(staff)}
      </Typography.Text>
    </Card>
  );
}
