import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Me } from '../../shared/api.ts';
import { ErrorResult } from '../../App.tsx';
import { formatDate, LEVEL_LABELS, OWNERSHIP_LABELS } from '../../shared/i18n.ts';
import { UnitPicker } from '../../shared/UnitPicker.tsx';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import type {
  ClassRow,
  SchoolFacilities,
  SchoolProfile,
  StaffOption,
} from '../../../../src/modules/registry/contract.ts';
import {
  ACCREDITATION_LABELS,
  NATIONAL_STANDARD_LABELS,
  ROOM_CONDITION_LABELS,
  ROOM_TYPE_LABELS,
} from '../../../../src/modules/registry/labels.ts';

/** The school clerk's page: a school's attributes for a school year, its classes and its rooms. */

const ROOM_TYPES = Object.entries(ROOM_TYPE_LABELS);
const CONDITIONS = Object.entries(ROOM_CONDITION_LABELS);
const STANDARD = NATIONAL_STANDARD_LABELS;
const ACCREDITATION = ACCREDITATION_LABELS;

type Profile = SchoolProfile;
type FacilityItem = SchoolFacilities['items'][number];
interface FacilityRow {
  key: number;
  roomType: string;
  condition: string;
  count: number | null;
  areaM2: number | null;
}

const yearOptions = () => {
  const start = Number(currentSchoolYear().slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => `${start + 1 - i}-${start + 2 - i}`).map((y) => ({
    value: y,
    label: y,
  }));
};

/** Puts a problem's field errors on the form's fields; returns the rest as one message. */
function showErrors(
  error: unknown,
  form: { setFields: (f: { name: string; errors: string[] }[]) => void } | null,
  fields: string[],
): string {
  if (!(error instanceof ApiError)) return String(error);
  const rest: string[] = [];
  const byField = new Map<string, string[]>();
  for (const e of error.problem.errors ?? []) {
    const name = e.path.replace(/^body\./, '');
    if (form && fields.includes(name)) byField.set(name, [...(byField.get(name) ?? []), e.message]);
    else rest.push(e.message);
  }
  form?.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return rest.length ? rest.join(' ') : error.problem.detail;
}

function ProfileTab({
  schoolId,
  year,
  canWrite,
}: {
  schoolId: string;
  year: string;
  canWrite: boolean;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const profile = useQuery({
    queryKey: ['school-profile', schoolId, year],
    queryFn: () => api.get<Profile>(`/api/registry/schools/${schoolId}/profile?year=${year}`),
  });
  const data = profile.data;
  const fill = useCallback(
    (p: Profile) =>
      form.setFieldsValue({
        nationalStandardLevel: p.nationalStandardLevel,
        nationalStandardDecision: p.nationalStandardDecision ?? '',
        nationalStandardDate: p.nationalStandardDate ? formatDate(p.nationalStandardDate) : '',
        accreditationLevel: p.accreditationLevel,
        twoSessionsADay: p.twoSessionsADay,
        notes: p.notes ?? '',
      }),
    [form],
  );
  useEffect(() => {
    if (data) fill(data);
    setStale(false);
  }, [data, fill]);
  if (profile.error) return <ErrorResult error={profile.error} />;
  if (!data) return null;
  const reload = async () => {
    const fresh = await profile.refetch();
    if (fresh.data) fill(fresh.data);
    setStale(false);
  };
  const save = async (values: Record<string, unknown>) => {
    setSaving(true);
    try {
      await api.put(`/api/registry/schools/${schoolId}/profile?year=${year}`, {
        ...values,
        version: data.version,
      });
      void message.success('Đã lưu thông tin năm học.');
      await client.invalidateQueries({ queryKey: ['school-profile', schoolId, year] });
    } catch (e) {
      if (isStale(e)) setStale(true);
      else
        void message.error(
          showErrors(e, form, [
            'nationalStandardLevel',
            'nationalStandardDecision',
            'nationalStandardDate',
            'accreditationLevel',
            'notes',
          ]),
        );
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label="Mã trường">{data.school.code}</Descriptions.Item>
        <Descriptions.Item label="Tên trường">{data.school.name}</Descriptions.Item>
        <Descriptions.Item label="Cấp học">
          {data.school.levels.map((l) => LEVEL_LABELS.vi[l]).join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label="Loại hình">
          {data.school.ownership ? OWNERSHIP_LABELS.vi[data.school.ownership] : ''}
        </Descriptions.Item>
        <Descriptions.Item label="Địa chỉ">{data.school.address}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        Mã, tên, cấp học, loại hình và địa chỉ sửa ở trang Cây đơn vị.
        {!data.recorded && ' Năm học này chưa được ghi thông tin.'}
      </Typography.Text>
      {stale && <StaleNotice onReload={() => void reload()} loading={profile.isFetching} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!canWrite}
        onFinish={(v: Record<string, unknown>) => void save(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="nationalStandardLevel" label="Trường đạt chuẩn quốc gia">
          <Select options={STANDARD.map((label, value) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="nationalStandardDecision" label="Số quyết định công nhận">
          <Input placeholder="VD: 1234/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="nationalStandardDate" label="Ngày công nhận (dd/mm/yyyy)">
          <Input placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="accreditationLevel" label="Kiểm định chất lượng giáo dục">
          <Select options={ACCREDITATION.map((label, value) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="twoSessionsADay" label="Học 2 buổi/ngày" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="notes" label="Ghi chú">
          <Input.TextArea rows={2} />
        </Form.Item>
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={saving}>
            Lưu thông tin năm học
          </Button>
        )}
      </Form>
    </Space>
  );
}

function ClassesTab({
  schoolId,
  year,
  canWrite,
}: {
  schoolId: string;
  year: string;
  canWrite: boolean;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<ClassRow | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const classes = useQuery({
    queryKey: ['school-classes', schoolId, year],
    queryFn: () => api.get<ClassRow[]>(`/api/registry/schools/${schoolId}/classes?year=${year}`),
  });
  const staff = useQuery({
    queryKey: ['homeroom-candidates', schoolId],
    queryFn: () => api.get<StaffOption[]>(`/api/registry/schools/${schoolId}/homeroom-candidates`),
    enabled: editing !== null,
  });
  if (classes.error) return <ErrorResult error={classes.error} />;
  const open = (row: ClassRow | 'new') => {
    setEditing(row);
    setStale(false);
    form.resetFields();
    form.setFieldsValue(
      row === 'new'
        ? { name: '', grade: null, sessionsPerDay: 1, homeroomStaffId: null }
        : {
            name: row.name,
            grade: row.grade,
            sessionsPerDay: row.sessionsPerDay,
            homeroomStaffId: row.homeroom?.id ?? null,
          },
    );
  };
  const save = async () => {
    const values = form.getFieldsValue() as Record<string, unknown>;
    const body = { ...values, homeroomStaffId: values.homeroomStaffId ?? null };
    setSaving(true);
    try {
      if (editing === 'new')
        await api.post(`/api/registry/schools/${schoolId}/classes?year=${year}`, body);
      else if (editing)
        await api.patch(`/api/registry/classes/${editing.id}`, {
          ...body,
          version: editing.version,
        });
      void message.success('Đã lưu lớp.');
      setEditing(null);
      await client.invalidateQueries({ queryKey: ['school-classes', schoolId, year] });
    } catch (e) {
      if (isStale(e)) setStale(true);
      else
        void message.error(
          showErrors(e, form, ['name', 'grade', 'sessionsPerDay', 'homeroomStaffId']),
        );
    } finally {
      setSaving(false);
    }
  };
  /** The class as it is now, in the form; closes it if the class is gone. */
  const reload = async () => {
    if (!editing || editing === 'new') return;
    const fresh = (await classes.refetch()).data?.find((c) => c.id === editing.id);
    if (fresh) open(fresh);
    else setEditing(null);
  };
  const rows = classes.data ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {canWrite && <Button onClick={() => open('new')}>Thêm lớp</Button>}
        <Button href={`/api/registry/schools/${schoolId}/classes/export.xlsx?year=${year}`}>
          Xuất Excel danh sách lớp
        </Button>
        <Typography.Text type="secondary">
          {rows.length} lớp, {rows.reduce((s, r) => s + r.studentCount, 0)} học sinh
        </Typography.Text>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={classes.isFetching}
        dataSource={rows}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Lớp', dataIndex: 'name' },
          { title: 'Khối', dataIndex: 'grade' },
          { title: 'Buổi/ngày', dataIndex: 'sessionsPerDay' },
          {
            title: 'Giáo viên chủ nhiệm',
            render: (_v, r) =>
              r.homeroom?.fullName ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
          { title: 'Sĩ số', dataIndex: 'studentCount' },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_v: unknown, r: ClassRow) => (
                    <Button size="small" onClick={() => open(r)} aria-label={`Sửa lớp ${r.name}`}>
                      Sửa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Thêm lớp' : `Sửa lớp ${editing?.name ?? ''}`}
        okText="Lưu"
        cancelText="Huỷ"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        {stale && <StaleNotice onReload={() => void reload()} loading={classes.isFetching} />}
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="Tên lớp">
            <Input />
          </Form.Item>
          <Form.Item name="grade" label="Khối (để trống với nhóm, lớp mầm non)">
            <InputNumber min={1} max={12} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="sessionsPerDay" label="Số buổi học mỗi ngày">
            <Select
              options={[
                { value: 1, label: '1 buổi/ngày' },
                { value: 2, label: '2 buổi/ngày' },
              ]}
            />
          </Form.Item>
          <Form.Item name="homeroomStaffId" label="Giáo viên chủ nhiệm">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={staff.isFetching}
              options={(staff.data ?? []).map((s) => ({
                value: s.id,
                label: `${s.fullName}${s.mainSubject ? ` (${s.mainSubject})` : ''}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

function FacilitiesTab({
  schoolId,
  year,
  canWrite,
}: {
  schoolId: string;
  year: string;
  canWrite: boolean;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [rows, setRows] = useState<FacilityRow[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const facilities = useQuery({
    queryKey: ['school-facilities', schoolId, year],
    queryFn: () =>
      api.get<SchoolFacilities>(`/api/registry/schools/${schoolId}/facilities?year=${year}`),
  });
  const fill = (items: FacilityItem[]) => {
    setRows(items.map(({ version: _version, ...item }, key) => ({ ...item, key })));
    setErrors([]);
    setStale(false);
  };
  useEffect(() => fill(facilities.data?.items ?? []), [facilities.data]);
  const reload = async () => fill((await facilities.refetch()).data?.items ?? []);
  if (facilities.error) return <ErrorResult error={facilities.error} />;
  const update = (key: number, patch: Partial<FacilityRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () =>
    setRows((rs) => [
      ...rs,
      {
        key: Math.max(-1, ...rs.map((r) => r.key)) + 1,
        roomType: 'classroom',
        condition: 'solid',
        count: 0,
        areaM2: null,
      },
    ]);
  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      await api.put(`/api/registry/schools/${schoolId}/facilities?year=${year}`, {
        items: rows.map((r) => ({
          roomType: r.roomType,
          condition: r.condition,
          count: r.count ?? 0,
          areaM2: r.areaM2,
        })),
        // The rows this form was loaded with: a 409 if someone changed them since.
        versions: (facilities.data?.items ?? []).map(({ roomType, condition, version }) => ({
          roomType,
          condition,
          version,
        })),
      });
      void message.success('Đã lưu cơ sở vật chất.');
      await client.invalidateQueries({ queryKey: ['school-facilities', schoolId, year] });
    } catch (e) {
      if (isStale(e)) setStale(true);
      else if (e instanceof ApiError && e.problem.errors?.length)
        setErrors(e.problem.errors.map((x) => x.message));
      else void message.error(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      setSaving(false);
    }
  };
  const sum = (condition?: string) =>
    rows
      .filter((r) => !condition || r.condition === condition)
      .reduce((s, r) => s + (r.count ?? 0), 0);
  const area = Math.round(rows.reduce((s, r) => s + (r.areaM2 ?? 0), 0) * 10) / 10;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {canWrite && <Button onClick={add}>Thêm dòng</Button>}
        {canWrite && (
          <Button type="primary" onClick={() => void save()} loading={saving}>
            Lưu cơ sở vật chất
          </Button>
        )}
        <Button href={`/api/registry/schools/${schoolId}/facilities/export.xlsx?year=${year}`}>
          Xuất Excel
        </Button>
      </Space>
      {stale && <StaleNotice onReload={() => void reload()} loading={facilities.isFetching} />}
      {errors.length > 0 && (
        <Alert
          type="error"
          data-testid="facility-errors"
          message="Chưa lưu: sửa các dòng sau"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        rowKey="key"
        size="small"
        loading={facilities.isFetching}
        dataSource={rows}
        scroll={{ x: true }}
        pagination={false}
        columns={[
          { title: 'STT', key: 'n', render: (_v, _r, i) => i + 1, width: 40 },
          {
            title: 'Loại phòng',
            render: (_v, r) => (
              <Select
                value={r.roomType}
                disabled={!canWrite}
                onChange={(v: string) => update(r.key, { roomType: v })}
                options={ROOM_TYPES.map(([value, label]) => ({ value, label }))}
                style={{ width: 170 }}
                popupMatchSelectWidth={false}
                aria-label="Loại phòng"
              />
            ),
          },
          {
            title: 'Tình trạng',
            render: (_v, r) => (
              <Select
                value={r.condition}
                disabled={!canWrite}
                onChange={(v: string) => update(r.key, { condition: v })}
                options={CONDITIONS.map(([value, label]) => ({ value, label }))}
                style={{ width: 115 }}
                aria-label="Tình trạng"
              />
            ),
          },
          {
            title: 'Số phòng',
            render: (_v, r) => (
              <InputNumber
                value={r.count}
                min={0}
                max={10000}
                precision={0}
                disabled={!canWrite}
                onChange={(v) => update(r.key, { count: v })}
                aria-label={`Số phòng dòng ${rows.indexOf(r) + 1}`}
                style={{ width: 72 }}
              />
            ),
          },
          {
            title: 'Diện tích (m²)',
            render: (_v, r) => (
              <InputNumber
                value={r.areaM2}
                min={0}
                disabled={!canWrite}
                onChange={(v) => update(r.key, { areaM2: v })}
                aria-label={`Diện tích dòng ${rows.indexOf(r) + 1}`}
                style={{ width: 90 }}
              />
            ),
          },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_v: unknown, r: FacilityRow) => (
                    <Button
                      size="small"
                      danger
                      onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                    >
                      Xoá
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={3}>
              <strong>Tổng cộng</strong> (kiên cố {sum('solid')}, bán kiên cố {sum('semi_solid')},
              tạm {sum('temporary')})
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3}>
              <strong data-testid="facility-total">{sum()}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4}>{area}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Space>
  );
}

export default function SchoolsPage({ me }: { me: Me }) {
  const [schoolId, setSchoolId] = useState<string | undefined>(
    me.orgUnit.kind === 'school' ? me.orgUnit.id : undefined,
  );
  const [year, setYear] = useState(currentSchoolYear());
  const canWrite = me.permissions.includes('registry.write');
  return (
    <Card title="Trường học">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%' }}>
          {me.orgUnit.kind !== 'school' && (
            <div style={{ width: 360, maxWidth: '80vw' }}>
              <UnitPicker
                value={schoolId}
                onChange={setSchoolId}
                placeholder="Chọn trường (gõ tên hoặc mã)"
              />
            </div>
          )}
          <Select
            value={year}
            onChange={setYear}
            options={yearOptions()}
            style={{ width: 130 }}
            aria-label="Năm học"
          />
          {me.orgUnit.kind !== 'school' && (
            <Button
              href={`/api/registry/facilities/export.xlsx?year=${year}&unitId=${me.orgUnit.id}`}
            >
              Xuất cơ sở vật chất toàn đơn vị
            </Button>
          )}
        </Space>
        {!schoolId ? (
          <Alert type="info" message="Chọn một trường để xem và cập nhật thông tin." />
        ) : (
          <Tabs
            items={[
              {
                key: 'profile',
                label: 'Thông tin năm học',
                children: <ProfileTab schoolId={schoolId} year={year} canWrite={canWrite} />,
              },
              {
                key: 'classes',
                label: 'Lớp',
                children: <ClassesTab schoolId={schoolId} year={year} canWrite={canWrite} />,
              },
              {
                key: 'facilities',
                label: 'Cơ sở vật chất',
                children: <FacilitiesTab schoolId={schoolId} year={year} canWrite={canWrite} />,
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
