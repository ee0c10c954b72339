import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { admissionsApi, candidateApi } from './api.ts';
import { entryMessages, fill } from './messages.ts';

/** The signed-in family's result: the school (or an overflow offer), the documents check, the answer before the deadline. */
export function EntryResult({ campaign }: { campaign: string }) {
  const m = useMessages(entryMessages);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const key = ['admissions', campaign, 'result'];
  const result = useQuery({ queryKey: key, queryFn: () => candidateApi.result(campaign) });
  const respond = async (accept: boolean) => {
    setError(null);
    try {
      client.setQueryData(key, await candidateApi.confirm(campaign, accept));
    } catch (e) {
      setError(problemText(e));
    }
  };
  const r = result.data;
  if (result.error) return <Alert type="error" message={problemText(result.error)} />;
  if (!r) return null;
  const open = !r.confirmBy || Date.now() < Date.parse(r.confirmBy);
  return (
    <Card title={m.result} size="small" style={{ marginBottom: 12 }} data-testid="result">
      {r.program ? (
        <Alert
          type="success"
          showIcon
          message={`${m.admitted}: ${r.schoolName ?? r.program}`}
          description={r.overflow ? m.overflowOffer : undefined}
        />
      ) : (
        <Alert type="warning" showIcon message={m.notAdmitted} />
      )}
      {r.program && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {r.documentsChecked ? m.documentsChecked : m.documentsPending}
        </Typography.Paragraph>
      )}
      {r.program && r.confirmBy && r.response === null && (
        <Typography.Paragraph style={{ margin: '8px 0 0' }}>
          {fill(m.confirmBy, { when: formatDate(r.confirmBy, true) })}
        </Typography.Paragraph>
      )}
      {r.program && r.response === null && open && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button type="primary" onClick={() => void respond(true)}>
            {m.confirm}
          </Button>
          <Button onClick={() => void respond(false)}>{m.decline}</Button>
        </Space>
      )}
      {r.response && (
        <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="response">
          {m[r.response]}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/** The result by the child's personal id and date of birth (rate-limited by the server). */
export function EntryLookup({ campaign }: { campaign: string }) {
  const m = useMessages(entryMessages);
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { personalId: string; birthDate: string }) => {
    setAnswer(null);
    setError(null);
    try {
      const r = await admissionsApi.entryLookup(campaign, {
        personalId: v.personalId.trim(),
        birthDate: parseVietnameseDate(v.birthDate) ?? '',
      });
      setAnswer(r.program ? `${m.admitted}: ${r.schoolName ?? r.program}` : m.lookupNone);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? m.notFound : problemText(e));
    }
  };
  return (
    <Card title={m.lookupTitle} size="small" data-testid="entry-lookup">
      <Form
        layout="vertical"
        onFinish={(v: { personalId: string; birthDate: string }) => void submit(v)}
      >
        <Form.Item
          label={m.personalId}
          name="personalId"
          rules={[
            { required: true, message: m.required },
            { pattern: /^\s*\d{12}\s*$/, message: m.personalIdBad },
          ]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={14} />
        </Form.Item>
        <Form.Item
          label={m.birthDate}
          name="birthDate"
          rules={dateRules(m.birthDateName, { required: true, notFuture: true })}
        >
          <DateInput />
        </Form.Item>
        <Button htmlType="submit">{m.lookup}</Button>
      </Form>
      {answer && (
        <Alert type="info" message={answer} style={{ marginTop: 12 }} data-testid="lookup-answer" />
      )}
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
