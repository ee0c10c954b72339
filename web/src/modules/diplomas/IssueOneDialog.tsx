import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import type { DIPLOMA_TYPES } from '../../../../src/modules/diplomas/labels.ts';
import type { GENDER_LABELS } from '../../../../src/modules/registry/labels.ts';
import { ApiError } from '../../shared/api.ts';
import { DateInput, dateRules, todayTyped } from '../../shared/DateInput.tsx';
import { fill, useI18n, useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { diplomasApi } from './api.ts';
import {
  DATE_RULE_LABELS,
  DIPLOMA_DATA,
  diplomaMessages,
  diplomaTypeOptions,
  genderOptions,
} from './messages.ts';
import { numberRule } from './numberRule.ts';
import { YearInput } from './YearInput.tsx';

interface OneFields {
  diplomaType: (typeof DIPLOMA_TYPES)[number];
  fullName: string;
  birthDate: string;
  birthPlace?: string;
  gender: keyof typeof GENDER_LABELS;
  ethnicity?: string;
  schoolName: string;
  examCouncil?: string;
  graduationYear: number;
  decisionNumber: string;
  decisionDate: string;
  issueDate: string;
  signerName: string;
  signerTitle: string;
  notes?: string;
}

const blankToNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

/** One diploma typed in by hand (a graduate missing from the lists), numbered and signed at once. */
export function IssueOneDialog({
  authorityId,
  open,
  onClose,
  onIssued,
}: {
  authorityId: string;
  open: boolean;
  onClose: () => void;
  onIssued: () => Promise<void>;
}) {
  const t = useMessages(diplomaMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<OneFields>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: OneFields) => {
    setBusy(true);
    setError(null);
    try {
      const [d] = await diplomasApi.issue({
        authorityId,
        diplomaType: v.diplomaType,
        issueDate: v.issueDate,
        signerName: v.signerName,
        signerTitle: v.signerTitle,
        entries: [
          {
            fullName: v.fullName,
            birthDate: v.birthDate,
            birthPlace: blankToNull(v.birthPlace),
            gender: v.gender,
            ethnicity: blankToNull(v.ethnicity),
            schoolName: v.schoolName,
            examCouncil: blankToNull(v.examCouncil),
            graduationYear: v.graduationYear,
            decisionNumber: v.decisionNumber,
            decisionDate: v.decisionDate,
            notes: blankToNull(v.notes),
          },
        ],
      });
      void message.success(
        fill(t.issuedOne, { serial: d!.serialNumber, entry: d!.registerNumber }),
      );
      // Closed first: the list's reload may take a while on a slow machine,
      // and the form must not stay over it meanwhile.
      onClose();
      await onIssued();
    } catch (e) {
      // Field errors of the one entry ("body.entries.0.birthDate") land on its fields.
      const onFields =
        e instanceof ApiError
          ? new ApiError(
              {
                ...e.problem,
                errors: e.problem.errors?.map((x) => ({
                  ...x,
                  path: x.path.replace(/^body\.entries\.0\./, 'body.'),
                })),
              },
              e.body,
            )
          : e;
      setError(problemToForm(onFields, form));
    } finally {
      setBusy(false);
    }
  };
  const item = { style: { minWidth: 200, flex: '1 1 200px' } };
  return (
    <Modal
      open={open}
      title={t.issueOne}
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          diplomaType: 'upper_secondary',
          gender: 'female',
          graduationYear: new Date().getFullYear(),
          issueDate: todayTyped(),
          signerTitle: DIPLOMA_DATA.signerTitle,
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t.diplomaType} name="diplomaType">
          <Select options={diplomaTypeOptions(lang)} />
        </Form.Item>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0 16px' }}>
          <Form.Item
            label={t.fullName}
            name="fullName"
            rules={[{ required: true, min: 2 }]}
            {...item}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t.birthDate}
            name="birthDate"
            rules={dateRules(DATE_RULE_LABELS.birthDate, { required: true, notFuture: true })}
            {...item}
          >
            <DateInput />
          </Form.Item>
          <Form.Item label={t.gender} name="gender" {...item}>
            <Select options={genderOptions(lang)} />
          </Form.Item>
          <Form.Item label={t.birthPlace} name="birthPlace" {...item}>
            <Input />
          </Form.Item>
          <Form.Item label={t.ethnicity} name="ethnicity" {...item}>
            <Input />
          </Form.Item>
          <Form.Item label={t.school} name="schoolName" rules={[{ required: true }]} {...item}>
            <Input />
          </Form.Item>
          <Form.Item label={t.examCouncil} name="examCouncil" {...item}>
            <Input />
          </Form.Item>
          <Form.Item
            label={t.graduationYear}
            name="graduationYear"
            rules={[{ required: true }, numberRule(t.graduationYearInvalid)]}
            {...item}
          >
            <YearInput min={1950} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            label={t.decisionNumber}
            name="decisionNumber"
            rules={[{ required: true }]}
            {...item}
          >
            <Input placeholder={DIPLOMA_DATA.decisionNumberExample} />
          </Form.Item>
          <Form.Item
            label={t.decisionDate}
            name="decisionDate"
            rules={dateRules(DATE_RULE_LABELS.decisionDate, { required: true, notFuture: true })}
            {...item}
          >
            <DateInput />
          </Form.Item>
          <Form.Item
            label={t.issueDate}
            name="issueDate"
            rules={dateRules(DATE_RULE_LABELS.issueDate, { required: true, notFuture: true })}
            {...item}
          >
            <DateInput />
          </Form.Item>
          <Form.Item label={t.signerName} name="signerName" rules={[{ required: true }]} {...item}>
            <Input />
          </Form.Item>
          <Form.Item
            label={t.signerTitle}
            name="signerTitle"
            rules={[{ required: true }]}
            {...item}
          >
            <Input />
          </Form.Item>
        </div>
        <Form.Item label={t.notes} name="notes">
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.issue}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
