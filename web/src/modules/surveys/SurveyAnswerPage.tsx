import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { PublicForm } from '../../../../src/modules/surveys/contract.ts';
import { SCALE_LABELS, SURVEY_ENDED_TYPE } from '../../../../src/modules/surveys/labels.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { surveysApi } from './api.ts';
import { messages } from './messages.ts';

/** A parent answers on a phone with the code the school gave (no account). */
export default function SurveyAnswerPage() {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [code, setCode] = useState('');
  const [form, setForm] = useState<PublicForm | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The survey has ended (closed, or past its last day): the server's words. */
  const [ended, setEnded] = useState<string | null>(null);
  const fail = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409 && e.problem.type === SURVEY_ENDED_TYPE) {
      setForm(null);
      setEnded(problemText(e));
    } else setError(problemText(e));
  };
  const openForm = async () => {
    setError(null);
    try {
      setForm(await surveysApi.form(code));
    } catch (e) {
      fail(e);
    }
  };
  const send = async (answers: Record<string, number | string | undefined>) => {
    if (!form) return;
    setError(null);
    try {
      const clean = Object.fromEntries(
        Object.entries(answers).filter(
          (e): e is [string, number | string] => e[1] !== undefined && e[1] !== '',
        ),
      );
      await surveysApi.answer({ code, surveyId: form.surveyId, answers: clean });
      setDone(true);
    } catch (e) {
      fail(e);
    }
  };
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>
      <Card title={form?.title ?? m.title}>
        {done ? (
          <Alert type="success" showIcon message={m.thanks} />
        ) : ended ? (
          <Alert type="warning" showIcon message={m.closedTitle} description={ended} />
        ) : !form ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{m.code}</Typography.Text>
            <Input
              aria-label={m.code}
              value={code}
              onChange={(e) => setCode(e.target.value.toUpperCase())}
              placeholder="KS-XXXX-XXXX"
              autoCapitalize="characters"
            />
            <Button type="primary" onClick={() => void openForm()}>
              {m.open}
            </Button>
          </Space>
        ) : (
          <Form layout="vertical" onFinish={(v: Record<string, number | string>) => void send(v)}>
            <Typography.Paragraph type="secondary">
              {form.schoolName}. {m.anonymous}
            </Typography.Paragraph>
            {form.sections.map((s) => (
              <div key={s.id}>
                <Typography.Title level={5}>{s.title}</Typography.Title>
                {s.questions.map((q) => (
                  <Form.Item key={q.id} name={q.id} label={q.text}>
                    {q.kind === 'scale5' ? (
                      <Radio.Group>
                        <Space direction="vertical">
                          {SCALE_LABELS[lang].map((label, i) => (
                            <Radio key={label} value={i + 1}>
                              {i + 1} – {label}
                            </Radio>
                          ))}
                        </Space>
                      </Radio.Group>
                    ) : q.kind === 'choice' ? (
                      <Radio.Group>
                        <Space direction="vertical">
                          {(q.choices ?? []).map((c) => (
                            <Radio key={c} value={c}>
                              {c}
                            </Radio>
                          ))}
                        </Space>
                      </Radio.Group>
                    ) : (
                      <Input.TextArea rows={3} maxLength={2000} />
                    )}
                  </Form.Item>
                ))}
              </div>
            ))}
            <Button type="primary" htmlType="submit">
              {m.send}
            </Button>
          </Form>
        )}
        {error && <Alert type="error" message={error} style={{ marginTop: 12 }} />}
      </Card>
    </div>
  );
}
