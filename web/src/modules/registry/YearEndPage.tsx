import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, ApiError, type Me, type UnitSummary } from '../../shared/api.ts';
import { ErrorResult } from '../../App.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import type {
  ClassPlan,
  PromotionPlan,
  PromotionResult,
} from '../../../../src/modules/registry/contract.ts';

/** A school within the caller's scope: their own school, or one found by code or name. */
export function SchoolPicker({
  me,
  value,
  onChange,
}: {
  me: Me;
  value: { id: string; name: string } | null;
  onChange: (school: { id: string; name: string }) => void;
}) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['school-picker', q],
    queryFn: () => api.get<UnitSummary[]>(`/api/orgs/search?q=${encodeURIComponent(q)}`),
    enabled: q.trim().length > 1,
  });
  if (me.orgUnit.kind === 'school') return <Tag color="blue">{me.orgUnit.name}</Tag>;
  return (
    <Select
      showSearch
      filterOption={false}
      placeholder="Chọn trường (gõ mã hoặc tên)"
      style={{ width: 360, maxWidth: '100%' }}
      aria-label="Trường"
      value={value?.id}
      onSearch={setQ}
      loading={found.isFetching}
      options={(found.data ?? [])
        .filter((u) => u.kind === 'school' || u.kind === 'centre')
        .map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }))}
      onChange={(id: string) => {
        const unit = found.data?.find((u) => u.id === id);
        if (unit) onChange({ id: unit.id, name: unit.name });
      }}
    />
  );
}

export function initialSchool(me: Me): { id: string; name: string } | null {
  return me.orgUnit.kind === 'school' ? { id: me.orgUnit.id, name: me.orgUnit.name } : null;
}

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
    queryFn: () => api.post<PromotionPlan>('/api/registry/promotions/preview', body),
    enabled: requested && Boolean(school),
    // Ticking a repeater re-plans without folding the table away.
    placeholderData: keepPreviousData,
  });
  const apply = useMutation({
    mutationFn: () => api.post<PromotionResult>('/api/registry/promotions', body),
    onSuccess: (r) => {
      setApplied(r);
      void message.success(
        `Đã lên lớp: ${r.totals.promoted} lên lớp, ${r.totals.repeating} ở lại, ${r.totals.graduating} hoàn thành cấp học.`,
      );
      void preview.refetch();
    },
    onError: (e) => void message.error(e instanceof ApiError ? e.problem.detail : String(e)),
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
          <Input
            value={fromYear}
            onChange={(e) => (setFromYear(e.target.value), setApplied(null))}
            style={{ width: 120 }}
            aria-label="Năm học kết thúc"
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
