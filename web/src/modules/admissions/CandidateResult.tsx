import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, problemText } from '../../shared/api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi, candidateApi } from './api.ts';
import { formatNumber } from './format.ts';
import { fill, messages } from './messages.ts';

/** The signed-in candidate's result, why, and the confirmation. */
export function MyResult({ campaign }: { campaign: string }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const result = useQuery({
    queryKey: ['admissions', campaign, 'result'],
    queryFn: () => candidateApi.result(campaign),
  });
  const respond = async (accept: boolean) => {
    setError(null);
    try {
      await candidateApi.confirm(campaign, accept);
      await client.invalidateQueries({ queryKey: ['admissions', campaign, 'result'] });
    } catch (e) {
      setError(problemText(e));
    }
  };
  const r = result.data;
  if (!r) return null;
  return (
    <Card title={m.result} size="small" style={{ marginBottom: 12 }} data-testid="result">
      {r.program ? (
        <Alert
          type="success"
          showIcon
          message={`${r.round === 'direct' ? m.direct : r.round === 'top_up' ? m.topUp : r.round === 'specialised' ? m.specialisedRound : m.admitted}: ${r.rank ? `NV${r.rank} ` : ''}${r.program} — ${r.schoolName ?? ''}`}
          description={`${m.score}: ${formatNumber(lang, r.score ?? 0, 2)} · ${m.cutoff}: ${formatNumber(lang, r.cutoff ?? 0, 2)}`}
        />
      ) : (
        <Alert type="warning" showIcon message={m.notAdmitted} />
      )}
      {r.missed?.map((x) => (
        <Typography.Paragraph key={x.rank} type="secondary" style={{ margin: '8px 0 0' }}>
          {fill(m.missed, {
            rank: x.rank,
            program: x.program,
            needed: formatNumber(lang, x.needed, 2),
          })}
        </Typography.Paragraph>
      ))}
      {r.program && r.response === null && (
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

/** The specialised stage's result and the answer to it (stages.ts), before the regular stage. */
export function MySpecialisedResult({ campaign }: { campaign: string }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const key = ['admissions', campaign, 'specialised-result'];
  const result = useQuery({
    queryKey: key,
    queryFn: () => candidateApi.specialisedResult(campaign),
  });
  const respond = async (accept: boolean) => {
    setError(null);
    try {
      client.setQueryData(key, await candidateApi.confirmSpecialised(campaign, accept));
    } catch (e) {
      setError(problemText(e));
    }
  };
  const r = result.data;
  if (!r) return null;
  return (
    <Card
      title={m.specialisedResult}
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="specialised-result"
    >
      {r.program ? (
        <Alert
          type="success"
          showIcon
          message={`${m.specialisedRound}: ${r.program} — ${r.schoolName ?? ''}`}
          description={`${m.cutoff}: ${formatNumber(lang, r.cutoff ?? 0, 2)}`}
        />
      ) : (
        <Alert type="info" showIcon message={m.specialisedNotAdmitted} />
      )}
      {r.program && r.confirmBy && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {fill(m.specialisedConfirmBy, { when: formatDate(r.confirmBy, true) })}
        </Typography.Paragraph>
      )}
      {r.program && r.response !== 'lapsed' && (
        <Space style={{ marginTop: 12 }} wrap>
          <Button
            type={r.response === 'confirmed' ? 'primary' : 'default'}
            onClick={() => void respond(true)}
          >
            {m.specialisedAccept}
          </Button>
          <Button
            type={r.response === 'declined' ? 'primary' : 'default'}
            onClick={() => void respond(false)}
          >
            {m.specialisedDecline}
          </Button>
        </Space>
      )}
      {r.response && (
        <Typography.Paragraph strong style={{ marginTop: 12 }} data-testid="specialised-response">
          {m[r.response]}
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}

/** Results by candidate code and date of birth (rate-limited by the server). */
export function Lookup({ campaign }: { campaign: string }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [answer, setAnswer] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: { code: string; birthDate: string }) => {
    setAnswer(null);
    setError(null);
    const [d, mo, y] = values.birthDate.split('/');
    const birthDate = `${y}-${mo?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
    try {
      const r = await admissionsApi.lookup(campaign, { code: values.code, birthDate });
      setAnswer(
        r.program
          ? `${m.admitted}: ${r.program} — ${r.schoolName ?? ''} · ${m.score} ${formatNumber(lang, r.score ?? 0, 2)}`
          : m.notAdmitted,
      );
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? m.notFound : String(e));
    }
  };
  return (
    <Card title={m.lookupTitle} size="small">
      <Form layout="vertical" onFinish={(v: { code: string; birthDate: string }) => void submit(v)}>
        <Form.Item label={m.code} name="code" rules={[{ required: true }]}>
          <Input inputMode="numeric" />
        </Form.Item>
        <Form.Item
          label={m.birthDate}
          name="birthDate"
          rules={[{ required: true, pattern: /^\d{1,2}\/\d{1,2}\/\d{4}$/ }]}
        >
          <Input inputMode="numeric" placeholder="15/03/2012" />
        </Form.Item>
        <Button htmlType="submit">{m.lookup}</Button>
      </Form>
      {answer && (
        <Alert type="info" message={answer} style={{ marginTop: 12 }} data-testid="lookup-answer" />
      )}
      {error && <Alert type="error" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
