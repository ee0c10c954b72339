import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tabs, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { showAtFields } from './fieldErrors.ts';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import { signedOutAsNull } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi, candidateApi } from './api.ts';
import { setCandidateCsrf } from './candidateApi.ts';
import { EntryApplicationCard } from './EntryApplication.tsx';
import { EntryCounts } from './EntryCounts.tsx';
import { EntryEvidenceCard } from './EntryEvidence.tsx';
import { EntryLookup, EntryResult } from './EntryResult.tsx';
import { RulesHistory } from './EntryRulesHistory.tsx';
import { entryStaffMessages } from './entryStaffMessages.ts';
import { entryMessages, fill, messages } from './messages.ts';

/**
 * A family's page of one entry-grade campaign: sign in by the child's
 * personal id and date of birth (or the slip's code and PIN), declare the
 * residence and choose the school, every version kept; the live counts; after
 * publication the result, the confirmation and the lookup.
 */
export default function EntryFamilyPage() {
  const { campaign = '' } = useParams();
  const m = useMessages(entryMessages);
  const g = useMessages(messages);
  const s = useMessages(entryStaffMessages);
  const { lang, setLang } = useI18n();
  const info = useQuery({
    queryKey: ['admissions', campaign],
    queryFn: () => admissionsApi.publicCampaign(campaign),
  });
  const counts = useQuery({
    queryKey: ['admissions', campaign, 'entry-counts'],
    queryFn: () => admissionsApi.entryCounts(campaign),
    refetchInterval: 3_000,
  });
  const application = useQuery({
    queryKey: ['admissions', campaign, 'entry-application'],
    queryFn: () => signedOutAsNull(candidateApi.entryApplication(campaign)),
  });
  // Changes of the rules made after registration opened: families registered under the old ones.
  const changes = useQuery({
    queryKey: ['admissions', campaign, 'entry-rules-history'],
    queryFn: () => admissionsApi.publicEntryRulesHistory(campaign),
  });
  const c = info.data;
  const rules = c?.entryRules;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Link to="/tuyen-sinh-dau-cap">{m.title}</Link>
        <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {g.language}
        </Button>
      </Space>
      {info.error && <Alert type="error" message={info.error.message} />}
      {c && (
        <Card title={c.name} size="small" style={{ marginBottom: 12 }}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={g.opens}>{formatDate(c.opensAt, true)}</Descriptions.Item>
            <Descriptions.Item label={g.closes}>{formatDate(c.closesAt, true)}</Descriptions.Item>
            {c.confirmBy && (
              <Descriptions.Item label={g.confirmBy}>
                {formatDate(c.confirmBy, true)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={g.status}>
              <Tag color={c.status === 'open' ? 'green' : 'blue'}>{g[c.status]}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {rules && (
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              {fill(m.rules, {
                order: rules.order.map((k) => m[k]).join(', '),
                seed: String(rules.seed),
              })}
            </Typography.Paragraph>
          )}
          {changes.data && changes.data.length > 0 && (
            <div data-testid="rules-changed" style={{ marginTop: 8 }}>
              <Typography.Text strong>{s.rulesHistory}</Typography.Text>
              <RulesHistory changes={changes.data} />
            </div>
          )}
        </Card>
      )}
      {c && application.data === null && <SignIn campaign={campaign} />}
      {c && application.data && (
        <>
          {c.published && <EntryResult campaign={campaign} />}
          <EntryApplicationCard
            campaign={c}
            application={application.data}
            schools={counts.data?.schools ?? []}
          />
          <EntryEvidenceCard campaign={campaign} registered={application.data.schools.length > 0} />
        </>
      )}
      {counts.data && <EntryCounts counts={counts.data} published={c?.published ?? false} />}
      {c?.published && <EntryLookup campaign={campaign} />}
    </div>
  );
}

function SignIn({ campaign }: { campaign: string }) {
  const m = useMessages(entryMessages);
  const client = useQueryClient();
  const [byId] = Form.useForm<{ personalId: string; birthDate: string }>();
  const [bySlip] = Form.useForm<{ code: string; pin: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = async (work: () => Promise<{ csrfToken: string }>, form: FormInstance) => {
    setError(null);
    setBusy(true);
    try {
      const r = await work();
      setCandidateCsrf(r.csrfToken);
      await client.invalidateQueries({ queryKey: ['admissions', campaign] });
    } catch (e) {
      setError(
        showAtFields(form, e, {
          'body.personalId': 'personalId',
          'body.birthDate': 'birthDate',
          'body.code': 'code',
          'body.pin': 'pin',
        }),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={m.signInTitle} size="small" style={{ marginBottom: 12 }} data-testid="sign-in">
      <Tabs
        onChange={() => setError(null)}
        items={[
          {
            key: 'personal-id',
            label: m.byPersonalId,
            children: (
              <Form
                form={byId}
                layout="vertical"
                onFinish={(v) =>
                  void done(
                    () =>
                      candidateApi.signInByPersonalId(campaign, {
                        personalId: v.personalId.trim(),
                        birthDate: parseVietnameseDate(v.birthDate) ?? '',
                      }),
                    byId,
                  )
                }
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
                <Button type="primary" htmlType="submit" loading={busy}>
                  {m.signIn}
                </Button>
              </Form>
            ),
          },
          {
            key: 'slip',
            label: m.bySlip,
            children: (
              <Form
                form={bySlip}
                layout="vertical"
                onFinish={(v) => void done(() => candidateApi.signIn(campaign, v), bySlip)}
              >
                <Form.Item
                  label={m.code}
                  name="code"
                  rules={[{ required: true, message: m.required }]}
                >
                  <Input autoComplete="username" inputMode="numeric" />
                </Form.Item>
                <Form.Item
                  label={m.pin}
                  name="pin"
                  rules={[{ required: true, message: m.required }]}
                >
                  <Input.Password autoComplete="current-password" inputMode="numeric" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy}>
                  {m.signIn}
                </Button>
              </Form>
            ),
          },
        ]}
      />
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
