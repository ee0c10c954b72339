import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type {
  SchoolProfile,
  SchoolProfilePatch,
} from '../../../../src/modules/registry/contract.ts';
import {
  ACCREDITATION_LABELS,
  ACCREDITATION_LABELS_EN,
  NATIONAL_STANDARD_LABELS,
  NATIONAL_STANDARD_LABELS_EN,
} from '../../../../src/modules/registry/labels.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import {
  formatDate,
  LEVEL_LABELS,
  OWNERSHIP_LABELS,
  useI18n,
  useMessages,
} from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import { registryApi } from './api.ts';
import { profileMessages } from './profileMessages.ts';
import type { SchoolTabProps } from './SchoolsPage.tsx';

/** The school's attributes for a year: national standard, accreditation, two sessions a day. */
export function ProfileTab({ schoolId, year, canWrite }: SchoolTabProps) {
  const { message } = App.useApp();
  const m = useMessages(profileMessages);
  const { lang } = useI18n();
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
      const saved = await registryApi.saveSchoolProfile(schoolId, year, {
        ...values,
        version: data.version,
      });
      void message.success(m.saved);
      // The answer is the profile as saved (its new version), so the form is current at once and
      // the save button need not wait on a reload (which may take a while on a slow machine).
      client.setQueryData(['school-profile', schoolId, year], saved);
      void client.invalidateQueries({ queryKey: ['school-profile', schoolId, year] });
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
        <Descriptions.Item label={m.schoolCode}>{data.school.code}</Descriptions.Item>
        <Descriptions.Item label={m.schoolName}>{data.school.name}</Descriptions.Item>
        <Descriptions.Item label={m.levels}>
          {data.school.levels.map((l) => LEVEL_LABELS[lang][l]).join(', ')}
        </Descriptions.Item>
        <Descriptions.Item label={m.ownership}>
          {data.school.ownership ? OWNERSHIP_LABELS[lang][data.school.ownership] : ''}
        </Descriptions.Item>
        <Descriptions.Item label={m.address}>{data.school.address}</Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">
        {m.editedInTree}
        {!data.recorded && m.notRecorded}
      </Typography.Text>
      {stale && <StaleNotice onReload={() => void reload()} loading={profile.isFetching} />}
      <Form
        form={form}
        layout="vertical"
        disabled={!canWrite}
        onFinish={(v: SchoolProfilePatch) => void save(v)}
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="nationalStandardLevel" label={m.nationalStandard}>
          <Select
            options={(lang === 'vi' ? NATIONAL_STANDARD_LABELS : NATIONAL_STANDARD_LABELS_EN).map(
              (label, value) => ({ value, label }),
            )}
          />
        </Form.Item>
        <Form.Item name="nationalStandardDecision" label={m.decision}>
          <Input placeholder={m.decisionPlaceholder} />
        </Form.Item>
        <Form.Item name="nationalStandardDate" label={m.decisionDate}>
          <Input placeholder="dd/mm/yyyy" />
        </Form.Item>
        <Form.Item name="accreditationLevel" label={m.accreditation}>
          <Select
            options={(lang === 'vi' ? ACCREDITATION_LABELS : ACCREDITATION_LABELS_EN).map(
              (label, value) => ({ value, label }),
            )}
          />
        </Form.Item>
        <Form.Item name="twoSessionsADay" label={m.twoSessions} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="notes" label={m.notes}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {canWrite && (
          <Button type="primary" htmlType="submit" loading={saving}>
            {m.save}
          </Button>
        )}
      </Form>
    </Space>
  );
}
