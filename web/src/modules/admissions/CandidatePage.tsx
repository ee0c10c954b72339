import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, problemText, signedOutAsNull } from '../../shared/api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { authApi } from '../orgs/api.ts';
import { admissionsApi, candidateApi } from './api.ts';
import { Counts } from './CampaignCounts.tsx';
import { MyApplication } from './CandidateApplication.tsx';
import { CandidateClaim } from './CandidateClaim.tsx';
import { Lookup, MyResult, MySpecialisedResult } from './CandidateResult.tsx';
import { setCandidateCsrf, setStaffCsrf } from './candidateApi.ts';
import { formatNumber } from './format.ts';
import { fill, messages } from './messages.ts';

/** The public page of a campaign: sign-in with the slip, preferences, live counts, results. */
export default function CandidatePage() {
  const { campaign = '' } = useParams();
  const m = useMessages(messages);
  const { lang, setLang } = useI18n();
  const info = useQuery({
    queryKey: ['admissions', campaign],
    queryFn: () => admissionsApi.publicCampaign(campaign),
  });
  const counts = useQuery({
    queryKey: ['admissions', campaign, 'counts'],
    queryFn: () => admissionsApi.counts(campaign),
    refetchInterval: 3_000,
  });
  const application = useQuery({
    queryKey: ['admissions', campaign, 'application'],
    queryFn: () => signedOutAsNull(candidateApi.application(campaign)),
  });
  // A browser also signed in as staff: its writes are sent as the school's, on the family's behalf.
  const staff = useQuery({
    queryKey: ['admissions', 'staff-beside'],
    queryFn: async () => {
      try {
        const session = await authApi.me();
        setStaffCsrf(session.csrfToken);
        return session.user;
      } catch (error) {
        setStaffCsrf('');
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  });
  const c = info.data;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} wrap>
        <Link to="/tuyen-sinh-10">{m.publicTitle}</Link>
        <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
          {m.language}
        </Button>
      </Space>
      {info.error && <Alert type="error" message={info.error.message} />}
      {staff.data && (
        <Alert
          type="warning"
          showIcon
          data-testid="staff-beside"
          style={{ marginBottom: 12 }}
          message={fill(m.staffBeside, { name: staff.data.fullName })}
        />
      )}
      {c && (
        <Card title={c.name} size="small" style={{ marginBottom: 12 }}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={m.opens}>{formatDate(c.opensAt, true)}</Descriptions.Item>
            <Descriptions.Item label={m.closes}>{formatDate(c.closesAt, true)}</Descriptions.Item>
            {c.confirmBy && (
              <Descriptions.Item label={m.confirmBy}>
                {formatDate(c.confirmBy, true)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={m.status}>
              <Tag color={c.status === 'open' ? 'green' : 'blue'}>{m[c.status]}</Tag>
            </Descriptions.Item>
          </Descriptions>
          {c.rankPenalty > 0 && (
            <Alert
              type="info"
              showIcon
              message={fill(m.penaltyHint, { d: formatNumber(lang, c.rankPenalty, 2) })}
            />
          )}
        </Card>
      )}
      {c && application.data === null && <SignIn campaign={campaign} />}
      {c && application.data && (
        <>
          {c.specialisedPublished && !c.published && <MySpecialisedResult campaign={campaign} />}
          {c.published && <MyResult campaign={campaign} />}
          <MyApplication
            campaign={c}
            application={application.data}
            programs={counts.data?.programs ?? []}
          />
          <CandidateClaim
            campaign={campaign}
            open={c.status === 'open' && Date.now() < Date.parse(c.closesAt)}
          />
        </>
      )}
      {counts.data && <Counts counts={counts.data} published={c?.published ?? false} />}
      {c?.published && <Lookup campaign={campaign} />}
    </div>
  );
}

function SignIn({ campaign }: { campaign: string }) {
  const m = useMessages(messages);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { code: string; pin: string }) => {
    setError(null);
    setBusy(true);
    try {
      const r = await candidateApi.signIn(campaign, values);
      setCandidateCsrf(r.csrfToken);
      await client.invalidateQueries({ queryKey: ['admissions', campaign] });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={m.signInTitle} size="small" style={{ marginBottom: 12 }}>
      <Form layout="vertical" onFinish={(v: { code: string; pin: string }) => void submit(v)}>
        <Form.Item label={m.code} name="code" rules={[{ required: true }]}>
          <Input autoComplete="username" inputMode="numeric" />
        </Form.Item>
        <Form.Item label={m.pin} name="pin" rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" inputMode="numeric" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {m.signIn}
        </Button>
      </Form>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
