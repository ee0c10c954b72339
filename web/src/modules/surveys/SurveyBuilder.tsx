import { Alert, Button, Card, Drawer, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { SurveyDetail, SurveySection } from '../../../../src/modules/surveys/contract.ts';
import { QUESTION_KIND_LABELS, QUESTION_KINDS } from '../../../../src/modules/surveys/labels.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import type { FieldErrorTarget } from '../../shared/problemToForm.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { recentSchoolYears } from '../../shared/schoolYear.ts';
import { UnitPicker } from '../../shared/UnitPicker.tsx';
import { surveysApi } from './api.ts';
import { messages } from './messages.ts';

interface Values {
  title: string;
  schoolYear: string;
  scopeUnitId?: string;
  endsOn?: string;
  series?: string;
  sections: SurveySection[];
}

const NEW_SECTION = (n: number): SurveySection => ({
  id: `phan-${n}`,
  title: '',
  questions: [{ id: `cau-${n}-1`, kind: 'scale5', text: '' }],
});

/** 'body.sections.1.questions.0.id' → ['sections', 1, 'questions', 0, 'id'] (a Form.List field). */
const fieldOf = (path: string) =>
  path
    .replace(/^body\./, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * The form builder: a new survey (kept as a draft, or opened at once) or the
 * edit of one, sections with their questions (5-point scale, one choice,
 * free text). Frozen once an answer exists (the server refuses too).
 */
export function SurveyBuilder({
  survey,
  onClose,
  onSaved,
}: {
  /** null: a new survey. */
  survey: SurveyDetail | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const frozen = !!survey && ((survey.answers ?? 0) > 0 || survey.status === 'closed');
  useEffect(() => {
    form.setFieldsValue(
      survey
        ? {
            title: survey.title,
            schoolYear: survey.schoolYear,
            endsOn: survey.endsOn ?? '',
            series: survey.series ?? '',
            sections: survey.sections,
          }
        : { schoolYear: recentSchoolYears()[1]?.value, sections: [NEW_SECTION(1)] },
    );
  }, [form, survey]);

  const save = async (mode: 'draft' | 'open' | 'save') => {
    setError(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      const common = { title: v.title, schoolYear: v.schoolYear, sections: v.sections };
      let id: string;
      if (survey) {
        await surveysApi.edit(survey.id, {
          ...common,
          endsOn: v.endsOn?.trim() ? v.endsOn.trim() : null,
          series: v.series?.trim() ? v.series.trim() : null,
          version: survey.version,
        });
        id = survey.id;
        if (mode === 'open') await surveysApi.open(id);
      } else {
        ({ id } = await surveysApi.create({
          ...common,
          scopeUnitId: v.scopeUnitId ?? '',
          ...(v.endsOn?.trim() ? { endsOn: v.endsOn.trim() } : {}),
          ...(v.series?.trim() ? { series: v.series.trim() } : {}),
          draft: mode === 'draft',
        }));
      }
      onSaved(id);
    } catch (e) {
      // Nested paths (a section's question) go on their Form.List field.
      const target: FieldErrorTarget = form;
      if (e instanceof ApiError && e.problem.errors?.length)
        target.setFields(
          e.problem.errors.map((x) => ({ name: fieldOf(x.path), errors: [x.message] })),
        );
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const kindOptions = QUESTION_KINDS.map((k) => ({
    value: k,
    label: QUESTION_KIND_LABELS[lang][k],
  }));
  return (
    <Drawer
      open
      width={820}
      title={survey ? m.editForm : m.newForm}
      onClose={onClose}
      extra={
        <Space>
          {!survey && (
            <Button loading={busy} onClick={() => void save('draft')}>
              {m.saveDraft}
            </Button>
          )}
          {survey && !frozen && (
            <Button loading={busy} onClick={() => void save('save')}>
              {m.save}
            </Button>
          )}
          {(!survey || (survey.status === 'draft' && !frozen)) && (
            <Button type="primary" loading={busy} onClick={() => void save('open')}>
              {survey ? m.saveAndOpen : m.createAndOpen}
            </Button>
          )}
        </Space>
      }
    >
      {frozen && <Alert type="info" showIcon message={m.frozen} style={{ marginBottom: 12 }} />}
      {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" disabled={frozen}>
        <Form.Item name="title" label={m.formTitle} rules={[{ required: true, max: 300 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="schoolYear" label={m.schoolYear} rules={[{ required: true }]}>
            <Select style={{ width: 160 }} options={recentSchoolYears()} />
          </Form.Item>
          {!survey && (
            <Form.Item name="scopeUnitId" label={m.scope} rules={[{ required: true }]}>
              <UnitPicker />
            </Form.Item>
          )}
          <Form.Item name="endsOn" label={m.endsOn} rules={dateRules(m.endsOn)}>
            <DateInput style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="series" label={m.series} tooltip={m.seriesHelp}>
            <Input style={{ width: 200 }} placeholder="hai-long-cmhs" />
          </Form.Item>
        </Space>
        <Form.List name="sections">
          {(sections, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {sections.map((s, i) => (
                <Card
                  key={s.key}
                  size="small"
                  title={`${m.section} ${i + 1}`}
                  extra={
                    sections.length > 1 && (
                      <Button size="small" danger onClick={() => remove(s.name)}>
                        {m.remove}
                      </Button>
                    )
                  }
                >
                  <Space wrap>
                    <Form.Item name={[s.name, 'id']} label={m.key} rules={[{ required: true }]}>
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                    <Form.Item
                      name={[s.name, 'title']}
                      label={m.sectionTitle}
                      rules={[{ required: true, message: m.required }]}
                    >
                      <Input style={{ width: 420 }} />
                    </Form.Item>
                  </Space>
                  <Questions section={s.name} kindOptions={kindOptions} />
                </Card>
              ))}
              <Button onClick={() => add(NEW_SECTION(sections.length + 1))}>{m.addSection}</Button>
            </Space>
          )}
        </Form.List>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {m.builderNote}
      </Typography.Paragraph>
    </Drawer>
  );
}

/** One section's questions: id, kind, text, and the choices of a "choose one". */
function Questions({
  section,
  kindOptions,
}: {
  section: number;
  kindOptions: { value: string; label: string }[];
}) {
  const m = useMessages(messages);
  return (
    <Form.List name={[section, 'questions']}>
      {(questions, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {questions.map((q, j) => (
            <Space key={q.key} wrap align="start">
              <Typography.Text type="secondary">{j + 1}.</Typography.Text>
              <Form.Item name={[q.name, 'id']} rules={[{ required: true, message: m.required }]}>
                <Input aria-label={m.key} style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[q.name, 'kind']} rules={[{ required: true }]}>
                <Select aria-label={m.kind} style={{ width: 140 }} options={kindOptions} />
              </Form.Item>
              <Form.Item
                name={[q.name, 'text']}
                rules={[{ required: true, message: m.required, max: 500 }]}
              >
                <Input aria-label={m.question} placeholder={m.question} style={{ width: 300 }} />
              </Form.Item>
              <Form.Item
                noStyle
                shouldUpdate={(a: Values, b: Values) =>
                  a.sections?.[section]?.questions?.[q.name]?.kind !==
                  b.sections?.[section]?.questions?.[q.name]?.kind
                }
              >
                {({ getFieldValue }) =>
                  getFieldValue(['sections', section, 'questions', q.name, 'kind']) === 'choice' ? (
                    <Form.Item
                      name={[q.name, 'choices']}
                      rules={[{ required: true, type: 'array', min: 2, message: m.twoChoices }]}
                    >
                      <Select
                        aria-label={m.choices}
                        mode="tags"
                        placeholder={m.choices}
                        style={{ width: 260 }}
                        open={false}
                      />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
              {questions.length > 1 && (
                <Button size="small" onClick={() => remove(q.name)}>
                  {m.remove}
                </Button>
              )}
            </Space>
          ))}
          <Button
            size="small"
            onClick={() =>
              add({ id: `cau-${section + 1}-${questions.length + 1}`, kind: 'scale5', text: '' })
            }
          >
            {m.addQuestion}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
