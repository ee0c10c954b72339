import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import type {
  CampaignDetail,
  CandidateRow,
  Slip,
} from '../../../../src/modules/admissions/contract.ts';
import { entryBirthYears } from '../../../../src/modules/admissions/labels.ts';
import { problemText } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { entryStaffMessages } from './entryStaffMessages.ts';
import { showAtFields } from './fieldErrors.ts';

interface ChildForm {
  fullName: string;
  /** dd/mm/yyyy as typed. */
  birthDate: string;
  gender?: 'male' | 'female';
  personalId?: string;
  reason?: string;
}

/**
 * A school's entry-grade children outside the registry (recorded with the
 * personal id, and a birth-year exception when needed), and the children
 * outside the birth years with their exception: the reason, who recorded it
 * and when (the change is audited on the server).
 */
export function EntryChildren({
  campaign,
  records,
}: {
  campaign: CampaignDetail;
  /** The caller is a school: it may record a child (an office's officer sees the list only). */
  records: boolean;
}) {
  const m = useMessages(entryStaffMessages);
  const client = useQueryClient();
  const [form] = Form.useForm<ChildForm>();
  const [slip, setSlip] = useState<Slip | null>(null);
  const [error, setError] = useState<string | null>(null);
  const grade = campaign.grade as 1 | 6;
  const range = entryBirthYears(grade, campaign.schoolYear);
  const candidates = useQuery({
    queryKey: ['admissions', campaign.id, 'candidates'],
    queryFn: () => admissionsApi.candidates(campaign.id),
  });
  const outside = (typed: string | undefined) => {
    const iso = parseVietnameseDate((typed ?? '').trim());
    const year = iso ? Number(iso.slice(0, 4)) : null;
    return year !== null && (year < range.from || year > range.to);
  };
  const submit = async (v: ChildForm) => {
    setError(null);
    setSlip(null);
    try {
      setSlip(
        await admissionsApi.addFreeCandidate(campaign.id, {
          fullName: v.fullName.trim(),
          birthDate: parseVietnameseDate(v.birthDate.trim()) ?? v.birthDate,
          ...(v.gender ? { gender: v.gender } : {}),
          ...(v.personalId?.trim() ? { personalId: v.personalId.trim() } : {}),
          ...(v.reason?.trim() ? { birthYearException: v.reason.trim() } : {}),
        }),
      );
      form.resetFields();
      await client.invalidateQueries({ queryKey: ['admissions', campaign.id] });
    } catch (e) {
      setError(
        showAtFields(form, e, {
          'body.fullName': 'fullName',
          'body.birthDate': 'birthDate',
          'body.gender': 'gender',
          'body.personalId': 'personalId',
          'body.birthYearException': 'reason',
        }),
      );
    }
  };
  const listed = (candidates.data ?? []).filter(
    (c) => c.birthYearException || c.eligible === false,
  );
  return (
    <Card size="small" title={m.childrenTitle} style={{ marginBottom: 12 }} data-testid="children">
      {records && (
        <>
          <Alert type="info" style={{ marginBottom: 12 }} message={m.childrenHint} />
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
            <Space wrap align="start">
              <Form.Item
                label={m.fullName}
                name="fullName"
                rules={[{ required: true, whitespace: true, message: m.fullNameRequired }]}
              >
                <Input maxLength={200} style={{ width: 220 }} />
              </Form.Item>
              <Form.Item
                label={m.birthDate}
                name="birthDate"
                rules={dateRules(m.birthDate, { required: true, notFuture: true })}
              >
                <DateInput style={{ width: 130 }} />
              </Form.Item>
              <Form.Item
                label={m.personalId}
                name="personalId"
                rules={[{ pattern: /^\d{12}$/, message: m.personalIdBad }]}
              >
                <Input inputMode="numeric" maxLength={12} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item label={m.gender} name="gender">
                <Select
                  allowClear
                  style={{ width: 110 }}
                  options={[
                    { value: 'male', label: m.male },
                    { value: 'female', label: m.female },
                  ]}
                />
              </Form.Item>
            </Space>
            <Form.Item
              label={m.reason}
              name="reason"
              extra={m.reasonHint}
              dependencies={['birthDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_r, value: string | undefined) =>
                    outside(getFieldValue('birthDate') as string) && !value?.trim()
                      ? Promise.reject(new Error(m.reasonRequired))
                      : Promise.resolve(),
                }),
              ]}
            >
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button htmlType="submit">{m.addChild}</Button>
          </Form>
          {slip && (
            <Alert
              type="success"
              data-testid="child-slip"
              style={{ marginTop: 8 }}
              message={fill(m.slip, { code: slip.code, pin: slip.pin })}
            />
          )}
          {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 8 }} />}
        </>
      )}
      <Table
        size="small"
        style={{ marginTop: 12 }}
        rowKey="code"
        data-testid="exceptions"
        scroll={{ x: 'max-content' }}
        loading={candidates.isLoading}
        dataSource={listed}
        locale={{ emptyText: m.noExceptions }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: m.fullName,
            key: 'child',
            render: (_: unknown, c: CandidateRow) => (
              <span>
                {c.fullName} <Tag>{c.code}</Tag>
              </span>
            ),
          },
          {
            title: m.birthDate,
            dataIndex: 'birthDate',
            responsive: ['md'],
            render: (d: string) => formatDate(d),
          },
          {
            title: m.eligible,
            dataIndex: 'eligible',
            responsive: ['md'],
            render: (ok: boolean | undefined) =>
              ok ? <Tag color="green">{m.yes}</Tag> : <Tag color="red">{m.no}</Tag>,
          },
          {
            title: m.recordedBy,
            key: 'by',
            responsive: ['md'],
            render: (_: unknown, c: CandidateRow) =>
              c.exceptionBy ? `${c.exceptionBy}, ${formatDate(c.exceptionAt ?? '', true)}` : '—',
          },
          {
            title: m.exception,
            key: 'exception',
            render: (_: unknown, c: CandidateRow) => (
              <ExceptionEdit
                key={`${c.code}-${c.exceptionAt ?? ''}`}
                campaign={campaign}
                child={c}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

function ExceptionEdit({ campaign, child }: { campaign: CampaignDetail; child: CandidateRow }) {
  const m = useMessages(entryStaffMessages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [reason, setReason] = useState(child.birthYearException ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async (text: string | null) => {
    setError(null);
    if (text !== null && !text.trim()) return setError(m.reasonRequired);
    try {
      await admissionsApi.birthYearException(campaign.id, child.code, text?.trim() ?? null);
      void message.success(
        fill(text === null ? m.exceptionRemoved : m.exceptionSaved, { name: child.fullName }),
      );
      if (text === null) setReason('');
      await client.invalidateQueries({ queryKey: ['admissions', campaign.id, 'candidates'] });
    } catch (e) {
      setError(problemText(e));
    }
  };
  return (
    <div data-testid={`exception-${child.code}`} style={{ minWidth: 200 }}>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          aria-label={`${m.exception} ${child.code}`}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button onClick={() => void save(reason)}>{m.edit}</Button>
      </Space.Compact>
      {child.birthYearException && (
        <Button size="small" type="link" danger onClick={() => void save(null)}>
          {m.remove}
        </Button>
      )}
      {error && <Alert type="error" role="alert" style={{ marginTop: 4 }} message={error} />}
    </div>
  );
}
