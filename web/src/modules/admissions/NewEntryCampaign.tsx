import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  ENTRY_CRITERIA,
  entryBirthYears,
  type EntryCriterion,
} from '../../../../src/modules/admissions/labels.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { fill, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { EntryRulesFields, SEED_MAX, type EntryDocumentKind } from './EntryRulesFields.tsx';
import { entryStaffMessages } from './entryStaffMessages.ts';
import { parseVietnameseDateTime } from './format.ts';

interface EntryForm {
  name: string;
  grade: 1 | 6;
  schoolYear: string;
  /** dd/mm/yyyy as typed. */
  opens: string;
  closes: string;
  confirmBy?: string;
  schoolIds: string[];
  /** The documents the family uploads (entry/rules.ts ENTRY_DOCUMENTS); none by default. */
  documents: EntryDocumentKind[];
  /** The commune's priority order: the criteria used, first outweighing the rest. */
  order: EntryCriterion[];
  seed: number | null;
  overflow: boolean;
}

const randomSeed = () => crypto.getRandomValues(new Uint32Array(1))[0]! % SEED_MAX;

const YEAR = /^(\d{4})-(\d{4})$/;
/** A typed day at a Vietnam time of day → ISO; null when not a day. */
const at = (day: string | undefined, time: string) =>
  parseVietnameseDateTime(`${(day ?? '').trim()} ${time}`);

/**
 * A commune's (or the department's) new grade-1 or grade-6 campaign: the
 * grade, school year, days of the timetable (dd/mm/yyyy), the birth years the
 * law allows for that year, and the schools taking part (their seats are set
 * in the seats editor of the catchments page). Each field's error is shown
 * at it, the server's too; nothing is saved until all are right.
 */
export function NewEntryCampaign({ onCreated }: { onCreated: (id: string) => void }) {
  const m = useMessages(entryStaffMessages);
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<EntryForm>();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const grade = Form.useWatch('grade', form) ?? 1;
  const year = Form.useWatch('schoolYear', form) ?? '';
  const schools = useQuery({
    queryKey: ['admissions', 'entry-schools', grade],
    queryFn: () => admissionsApi.entrySchools(grade),
    enabled: open,
  });
  const match = YEAR.exec(year.trim());
  const range =
    match && Number(match[2]) === Number(match[1]) + 1 ? entryBirthYears(grade, year.trim()) : null;
  const submit = async (v: EntryForm) => {
    setError(null);
    try {
      const created = await admissionsApi.createCampaign({
        name: v.name,
        grade: v.grade,
        schoolYear: v.schoolYear.trim(),
        opensAt: at(v.opens, '00:00')!,
        closesAt: at(v.closes, '23:59')!,
        confirmBy: v.confirmBy?.trim() ? at(v.confirmBy, '23:59') : null,
        schoolIds: v.schoolIds,
        entryRules: {
          order: v.order,
          seed: v.seed ?? randomSeed(),
          overflowInCommune: v.overflow,
          documents: v.documents,
        },
      });
      setOpen(false);
      form.resetFields();
      void message.success(fill(m.created, { name: created.name }));
      await client.invalidateQueries({ queryKey: ['admissions', 'campaigns'] });
      onCreated(created.id);
    } catch (e) {
      // The server's field errors at their fields (every school of the list at the list).
      const fields: Record<string, keyof EntryForm> = {
        'body.name': 'name',
        'body.schoolYear': 'schoolYear',
        'body.opensAt': 'opens',
        'body.closesAt': 'closes',
        'body.confirmBy': 'confirmBy',
        'body.schoolIds': 'schoolIds',
        'body.grade': 'grade',
        'body.entryRules.documents': 'documents',
        'body.entryRules.order': 'order',
        'body.entryRules.seed': 'seed',
        'body.entryRules.overflowInCommune': 'overflow',
      };
      const byField = new Map<keyof EntryForm, string[]>();
      if (e instanceof ApiError)
        for (const p of e.problem.errors ?? []) {
          const hit = Object.entries(fields).find(([path]) => p.path.startsWith(path));
          if (hit) byField.set(hit[1], [...(byField.get(hit[1]) ?? []), p.message]);
        }
      if (byField.size) form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
      else setError(problemText(e));
    }
  };
  if (!open)
    return (
      <Button style={{ marginBottom: 12, marginLeft: 8 }} onClick={() => setOpen(true)}>
        {m.newEntry}
      </Button>
    );
  return (
    <Card title={m.newEntry} size="small" style={{ marginBottom: 12 }} data-testid="new-entry">
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          grade: 1,
          schoolIds: [],
          documents: [],
          order: [...ENTRY_CRITERIA],
          // The server draws one when none is sent; drawn here, it is shown before it is saved.
          seed: randomSeed(),
          overflow: true,
        }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<EntryForm>) => {
          // The schools teach the grade's level: a change of grade empties the list.
          if ('grade' in changed) form.setFieldValue('schoolIds', []);
        }}
      >
        <Form.Item
          label={m.name}
          name="name"
          rules={[{ required: true, whitespace: true, message: m.nameRequired }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={m.grade} name="grade">
            <Select
              style={{ width: 120 }}
              options={[
                { value: 1, label: m.grade1 },
                { value: 6, label: m.grade6 },
              ]}
            />
          </Form.Item>
          <Form.Item
            label={m.schoolYear}
            name="schoolYear"
            rules={[
              {
                validator: (_r, value: string | undefined) => {
                  const y = YEAR.exec((value ?? '').trim());
                  return y && Number(y[2]) === Number(y[1]) + 1
                    ? Promise.resolve()
                    : Promise.reject(new Error(m.schoolYearBad));
                },
              },
            ]}
          >
            <Input placeholder="2027-2028" style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          data-testid="birth-years"
          message={m.birthYears}
          description={
            range
              ? fill(grade === 1 ? m.birthYearsOne : m.birthYearsSix, {
                  from: String(range.from),
                  to: String(range.to),
                })
              : m.birthYearsUnknown
          }
        />
        <Space wrap align="start">
          <Form.Item label={m.opens} name="opens" rules={dateRules(m.opens, { required: true })}>
            <DateInput style={{ width: 130 }} />
          </Form.Item>
          <Form.Item
            label={m.closes}
            name="closes"
            dependencies={['opens']}
            rules={[
              ...dateRules(m.closes, { required: true }),
              ({ getFieldValue }) => ({
                validator: (_r, value: string | undefined) => {
                  const opens = at(getFieldValue('opens') as string, '00:00');
                  const closes = at(value, '23:59');
                  return !opens || !closes || closes > opens
                    ? Promise.resolve()
                    : Promise.reject(new Error(m.closesAfter));
                },
              }),
            ]}
          >
            <DateInput style={{ width: 130 }} />
          </Form.Item>
          <Form.Item
            label={m.confirmBy}
            name="confirmBy"
            dependencies={['closes']}
            rules={[
              ...dateRules(m.confirmBy),
              ({ getFieldValue }) => ({
                validator: (_r, value: string | undefined) => {
                  const closes = at(getFieldValue('closes') as string, '23:59');
                  const by = at(value, '23:59');
                  return !closes || !by || by > closes
                    ? Promise.resolve()
                    : Promise.reject(new Error(m.confirmAfter));
                },
              }),
            ]}
          >
            <DateInput style={{ width: 130 }} />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {m.datesHint}
        </Typography.Paragraph>
        <Form.Item
          label={m.schools}
          name="schoolIds"
          extra={m.schoolsHint}
          rules={[{ required: true, type: 'array', min: 1, message: m.schoolsRequired }]}
        >
          <Select
            mode="multiple"
            aria-label={m.schools}
            data-testid="entry-schools"
            showSearch
            optionFilterProp="label"
            loading={schools.isLoading}
            style={{ width: '100%' }}
            options={(schools.data ?? []).map((s) => ({
              value: s.id,
              label: `${s.name} (${s.code})${s.parentName ? ` — ${s.parentName}` : ''}`,
            }))}
          />
        </Form.Item>
        <EntryRulesFields />
        <Space wrap>
          <Button type="primary" htmlType="submit">
            {m.create}
          </Button>
          <Button onClick={() => setOpen(false)}>{m.cancel}</Button>
        </Space>
      </Form>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
