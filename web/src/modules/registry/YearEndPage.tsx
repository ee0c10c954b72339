import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { initialSchool, SchoolPicker } from '../../shared/SchoolPicker.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import type { ClassPlan, PromotionPlan } from '../../../../src/modules/registry/contract.ts';
import { registryApi } from './api.ts';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';

// The school picker moved to shared/; still exported here for pages that import it from here.
export { initialSchool, SchoolPicker } from '../../shared/SchoolPicker.tsx';

function targetLabel(c: ClassPlan) {
  if (c.action === 'graduate') return <Tag color="gold">Hoàn thành cấp học</Tag>;
  if (c.action === 'manual') return <Tag>Không lên lớp tự động</Tag>;
  if (!c.target) return null;
  return (
    <Space size={4}>
      {c.target.name}
      {c.target.exists ? <Tag>có sẵn</Tag> : <Tag color="green">tạo mới</Tag>}
    </Space>
  );
}

export default function YearEndPage({ me }: { me: Me }) {
  const { message, modal } = App.useApp();
  const [school, setSchool] = useState(initialSchool(me));
  const [fromYear, setFromYear] = useState(currentSchoolYear());
  const [repeaters, setRepeaters] = useState<string[]>([]);
  const [requested, setRequested] = useState(false);
  const [applied, setApplied] = useState<PromotionPlan | null>(null);
  const body = { schoolId: school?.id ?? '', fromYear, repeaterIds: repeaters };
  const preview = useQuery({
    queryKey: ['promotion-preview', school?.id, fromYear, repeaters],
    queryFn: () => registryApi.promotionPreview(body),
    enabled: requested && Boolean(school),
    // Ticking a repeater re-plans without folding the table away.
    placeholderData: keepPreviousData,
  });
  const apply = useMutation({
    mutationFn: () => registryApi.promote(body),
    onSuccess: (r) => {
      setApplied(r);
      void message.success(
        `Đã lên lớp: ${r.totals.promoted} lên lớp, ${r.totals.repeating} ở lại, ${r.totals.graduating} hoàn thành cấp học.`,
      );
      void preview.refetch();
    },
    onError: (e) => void message.error(problemText(e)),
  });
  const toggle = (id: string, on: boolean) =>
    setRepeaters((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  const plan = preview.data;
  const confirm = () => {
    if (!plan) return;
    modal.confirm({
      title: `Lên lớp ${plan.school.name}: ${plan.fromYear} → ${plan.toYear}?`,
      content: `${plan.totals.promoted} học sinh lên lớp, ${plan.totals.repeating} ở lại lớp, ${plan.totals.graduating} hoàn thành cấp học; tạo ${plan.totals.newClasses} lớp mới. Học sinh đã có lớp năm ${plan.toYear} được giữ nguyên.`,
      okText: 'Áp dụng',
      cancelText: 'Huỷ',
      onOk: () => apply.mutateAsync(),
    });
  };
  const studentRows = (c: ClassPlan) => [
    ...c.promoted.map((s) => ({ ...s, what: 'promoted' as const })),
    ...c.graduating.map((s) => ({ ...s, what: 'graduating' as const })),
    ...c.repeating.map((s) => ({ ...s, what: 'repeating' as const })),
    ...c.skipped.map((s) => ({ ...s, what: 'skipped' as const })),
    ...c.notPromoted.map((s) => ({ ...s, what: 'notPromoted' as const })),
  ];
  const labels = {
    promoted: 'Lên lớp',
    graduating: 'Hoàn thành cấp học',
    repeating: 'Ở lại lớp',
    skipped: 'Đã có lớp năm sau',
    notPromoted: 'Không tự động',
  };
  return (
    <Card title="Lên lớp — mở năm học mới">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="info"
          message="Học sinh đang học lên khối trên vào lớp cùng tên (6A1 → 7A1, tạo lớp nếu chưa có); khối cuối cấp hoàn thành cấp học; học sinh đánh dấu ở lại lớp học lại khối cũ. Nhóm mầm non không lên lớp tự động. Xem trước, rồi áp dụng."
        />
        <Space wrap>
          <SchoolPicker me={me} value={school} onChange={(s) => (setSchool(s), setRepeaters([]))} />
          <SchoolYearSelect
            value={fromYear}
            onChange={(y) => (setFromYear(y), setApplied(null))}
            ariaLabel="Năm học kết thúc"
          />
          <Button onClick={() => setRequested(true)} disabled={!school}>
            Xem trước
          </Button>
          <Button
            type="primary"
            onClick={confirm}
            disabled={
              !plan ||
              apply.isPending ||
              (!plan.totals.promoted && !plan.totals.repeating && !plan.totals.graduating)
            }
          >
            Áp dụng lên lớp
          </Button>
        </Space>
        {preview.error && <ErrorResult error={preview.error} />}
        {applied && (
          <Alert
            type="success"
            message={`Đã áp dụng ${applied.fromYear} → ${applied.toYear}: ${applied.totals.promoted} lên lớp, ${applied.totals.repeating} ở lại, ${applied.totals.graduating} hoàn thành cấp học, ${applied.totals.skipped} đã có lớp (bỏ qua).`}
          />
        )}
        {plan && (
          <>
            <Alert
              data-testid="promotion-totals"
              type="warning"
              message={`${plan.fromYear} → ${plan.toYear}: ${plan.totals.promoted} lên lớp, ${plan.totals.repeating} ở lại lớp, ${plan.totals.graduating} hoàn thành cấp học, ${plan.totals.skipped} đã có lớp năm sau, ${plan.totals.notPromoted} không lên lớp tự động; ${plan.totals.newClasses} lớp sẽ được tạo.`}
            />
            <Table
              rowKey={(c) => c.source.id}
              size="small"
              pagination={false}
              loading={preview.isFetching}
              dataSource={plan.classes}
              scroll={{ x: true }}
              expandable={{
                expandedRowRender: (c) => (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={studentRows(c)}
                    columns={[
                      { title: 'Họ và tên', dataIndex: 'fullName' },
                      {
                        title: 'Ngày sinh',
                        dataIndex: 'birthDate',
                        render: (d: string) => formatDate(d),
                      },
                      {
                        title: 'Dự kiến',
                        dataIndex: 'what',
                        render: (w: keyof typeof labels) => <Tag>{labels[w]}</Tag>,
                      },
                      {
                        title: 'Ở lại lớp',
                        render: (_v, s) =>
                          c.source.grade !== null &&
                          ['promoted', 'graduating', 'repeating'].includes(s.what) ? (
                            <Checkbox
                              aria-label={`Ở lại lớp: ${s.fullName}`}
                              checked={repeaters.includes(s.id)}
                              onChange={(e) => toggle(s.id, e.target.checked)}
                            />
                          ) : null,
                      },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: 'Lớp', render: (_v, c) => c.source.name },
                { title: 'Khối', render: (_v, c) => c.source.grade ?? 'Mầm non' },
                { title: 'Sĩ số', render: (_v, c) => c.source.students },
                { title: 'Năm sau', render: (_v, c) => targetLabel(c) },
                { title: 'Lên lớp', render: (_v, c) => c.promoted.length },
                {
                  title: 'Ở lại',
                  render: (_v, c) =>
                    c.repeating.length
                      ? `${c.repeating.length} (${c.repeatTarget?.name ?? ''}${c.repeatTarget && !c.repeatTarget.exists ? ', tạo mới' : ''})`
                      : 0,
                },
                { title: 'Hoàn thành cấp', render: (_v, c) => c.graduating.length },
                { title: 'Đã có lớp', render: (_v, c) => c.skipped.length },
                { title: 'Ghi chú', render: (_v, c) => c.note },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
