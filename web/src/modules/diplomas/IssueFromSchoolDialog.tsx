import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { GraduatesAnswer } from '../../../../src/modules/diplomas/contract.ts';
import type { DIPLOMA_TYPES } from '../../../../src/modules/diplomas/labels.ts';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { GENDER_LABELS } from '../../../../src/modules/registry/labels.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { DateInput, dateRules, todayTyped } from '../../shared/DateInput.tsx';
import { fill, formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { initialSchool, SchoolPicker, type PickedSchool } from '../../shared/SchoolPicker.tsx';
import { currentSchoolYear, recentSchoolYears } from '../../shared/schoolYear.ts';
import { diplomasApi } from './api.ts';
import {
  DATE_RULE_LABELS,
  DIPLOMA_DATA,
  diplomaMessages,
  diplomaTypeOptions,
  GENDER_NAMES,
} from './messages.ts';
import { numberRule } from './numberRule.ts';
import { YearInput } from './YearInput.tsx';

interface IssueFields {
  schoolYear: string;
  diplomaType: (typeof DIPLOMA_TYPES)[number];
  graduationYear: number;
  decisionNumber: string;
  decisionDate: string;
  issueDate: string;
  signerName: string;
  signerTitle: string;
}

/**
 * Issuing from a school's graduation list: the school's final-grade students
 * of the year are listed (those already holding a diploma cannot be ticked),
 * the clerk ticks whom the decision recognises, then issues to them at once.
 */
export function IssueFromSchoolDialog({
  me,
  open,
  onClose,
  onIssued,
}: {
  me: Me;
  open: boolean;
  onClose: () => void;
  onIssued: () => Promise<void>;
}) {
  const t = useMessages(diplomaMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueFields>();
  const [school, setSchool] = useState<PickedSchool | null>(() => initialSchool(me));
  const [preview, setPreview] = useState<GraduatesAnswer['students'] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setError(null);
    if (!school) return setError(t.pickSchool);
    const v = form.getFieldsValue(['schoolYear', 'diplomaType']) as Pick<
      IssueFields,
      'schoolYear' | 'diplomaType'
    >;
    setBusy(true);
    try {
      const { students } = await diplomasApi.graduates({
        authorityId: me.orgUnit.id,
        schoolId: school.id,
        schoolYear: v.schoolYear,
        diplomaType: v.diplomaType,
      });
      setPreview(students);
      setChosen(students.filter((s) => !s.holds).map((s) => s.id));
    } catch (e) {
      setError(problemToForm(e, form));
    } finally {
      setBusy(false);
    }
  };
  const issue = async (v: IssueFields) => {
    if (!school || chosen.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const result = await diplomasApi.issueFromStudents({
        ...v,
        authorityId: me.orgUnit.id,
        schoolId: school.id,
        studentIds: chosen,
      });
      void message.success(fill(t.issuedCount, { n: result.issued.length }, lang));
      setPreview(null);
      // Closed first, the reload not awaited: the list's reload may take a while on a slow
      // machine, and the form must not stay over it (busy) meanwhile.
      onClose();
      void onIssued();
    } catch (e) {
      setError(problemToForm(e, form));
    } finally {
      setBusy(false);
    }
  };
  const holds = preview?.filter((s) => s.holds).length ?? 0;
  return (
    <Modal
      open={open}
      title={t.issueFromSchool}
      onCancel={onClose}
      footer={null}
      width={880}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          schoolYear: currentSchoolYear(),
          diplomaType: 'upper_secondary',
          graduationYear: Number(currentSchoolYear().slice(5)),
          issueDate: todayTyped(),
          signerTitle: DIPLOMA_DATA.signerTitle,
        }}
        onFinish={(v) => void issue(v)}
      >
        <Form.Item label={t.school} required>
          <SchoolPicker me={me} value={school} onChange={(s) => (setSchool(s), setPreview(null))} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t.schoolYear} name="schoolYear">
            <Select
              options={recentSchoolYears()}
              style={{ width: 140 }}
              onChange={(year: string) => {
                setPreview(null);
                // Graduates of 2025-2026 graduate in 2026.
                form.setFieldValue('graduationYear', Number(year.slice(5)));
              }}
            />
          </Form.Item>
          <Form.Item label={t.diplomaType} name="diplomaType">
            <Select
              style={{ width: 260, maxWidth: '100%' }}
              onChange={() => setPreview(null)}
              options={diplomaTypeOptions(lang)}
            />
          </Form.Item>
        </Space>
        <Button onClick={() => void load()} loading={busy && !preview}>
          {t.preview}
        </Button>
        {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
        {preview && (
          <>
            <Alert
              style={{ margin: '12px 0' }}
              type={preview.length ? 'info' : 'warning'}
              message={
                preview.length
                  ? fill(t.previewCount, { n: preview.length, holds, chosen: chosen.length }, lang)
                  : t.noGraduates
              }
            />
            <Table
              size="small"
              rowKey="id"
              data-testid="graduates-preview"
              dataSource={preview}
              scroll={{ x: true }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              rowSelection={{
                selectedRowKeys: chosen,
                onChange: (keys) => setChosen(keys as string[]),
                getCheckboxProps: (s) => ({ disabled: s.holds, 'aria-label': s.fullName }),
              }}
              columns={[
                { title: t.fullName, dataIndex: 'fullName' },
                {
                  title: t.birthDate,
                  dataIndex: 'birthDate',
                  render: (d: string) => formatDate(d),
                },
                {
                  title: t.gender,
                  dataIndex: 'gender',
                  responsive: ['sm'],
                  render: (g: keyof typeof GENDER_LABELS) => GENDER_NAMES[lang][g],
                },
                { title: t.ethnicity, dataIndex: 'ethnicity', responsive: ['md'] },
                {
                  title: '',
                  dataIndex: 'holds',
                  render: (h: boolean) => (h ? <Tag>{t.holds}</Tag> : null),
                },
              ]}
            />
            <Space wrap style={{ marginTop: 12 }}>
              <Form.Item
                label={t.graduationYear}
                name="graduationYear"
                rules={[{ required: true }, numberRule(t.graduationYearInvalid)]}
              >
                <YearInput min={1950} max={2100} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item
                label={t.decisionNumber}
                name="decisionNumber"
                rules={[{ required: true }]}
              >
                <Input
                  style={{ width: 240, maxWidth: '100%' }}
                  placeholder={DIPLOMA_DATA.decisionNumberExample}
                />
              </Form.Item>
              <Form.Item
                label={t.decisionDate}
                name="decisionDate"
                rules={dateRules(DATE_RULE_LABELS.decisionDate, {
                  required: true,
                  notFuture: true,
                })}
              >
                <DateInput style={{ width: 140 }} />
              </Form.Item>
              <Form.Item
                label={t.issueDate}
                name="issueDate"
                rules={dateRules(DATE_RULE_LABELS.issueDate, { required: true, notFuture: true })}
              >
                <DateInput style={{ width: 140 }} />
              </Form.Item>
              <Form.Item label={t.signerName} name="signerName" rules={[{ required: true }]}>
                <Input style={{ width: 240, maxWidth: '100%' }} />
              </Form.Item>
              <Form.Item label={t.signerTitle} name="signerTitle" rules={[{ required: true }]}>
                <Input style={{ width: 200, maxWidth: '100%' }} />
              </Form.Item>
            </Space>
            <div>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy}
                disabled={chosen.length === 0}
              >
                {fill(t.issueChosen, { n: chosen.length }, lang)}
              </Button>
            </div>
          </>
        )}
      </Form>
    </Modal>
  );
}
