import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type {
  SchoolProfile,
  SchoolProfilePatch,
} from '../../../../src/modules/registry/contract.ts';
import {
  ACCREDITATION_LABELS,
  NATIONAL_STANDARD_LABELS,
} from '../../../../src/modules/registry/labels.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, LEVEL_LABELS, OWNERSHIP_LABELS } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import { registryApi } from './api.ts';
import type { SchoolTabProps } from './SchoolsPage.tsx';

/** The school's attributes for a year: national standard, accreditation, two sessions a day. */
export function ProfileTab({ schoolId, year, canWrite }: SchoolTabProps) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const profile = useQuery({
    queryKey: ['school-profile', schoolId, year],
    queryFn: () => registryApi.schoolProfile(schoolId, year),
  });
  const data = profile.data;
  const fill = useCallback(
    (p: SchoolProfile) =>
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
  const save = async (values: SchoolProfilePatch) => {
    setSaving(true);
    try {
      await registryApi.saveSchoolProfile(schoolId, year, { ...values, version: data.version });
      void message.success('Đã lưu thông tin năm học.');
      await client.invalidateQueries({ queryKey: ['school-profile', schoolId, year] });
    } catch (e) {
      if (isStale(e)) setStale(true);
      else
        void message.error(
          problemToForm(e, form, [
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
        onFinish={(v: SchoolProfilePatch) => void save(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="nationalStandardLevel" label="Trường đạt chuẩn quốc gia">
          <Select options={NATIONAL_STANDARD_LABELS.map((label, value) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="nationalStandardDecision" label="Số quyết định công nhận">
          <Input placeholder="VD: 1234/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="nationalStandardDate" label="Ngày công nhận (dd/mm/yyyy)">
          <Input placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="accreditationLevel" label="Kiểm định chất lượng giáo dục">
          <Select options={ACCREDITATION_LABELS.map((label, value) => ({ value, label }))} />
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
