import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { LoginBody } from '../../../../src/modules/orgs/contract.ts';
import { problemText, setCsrfToken } from '../../shared/api.ts';
import { authApi } from './api.ts';
import { useI18n } from '../../shared/i18n.ts';
import { sharedMessages } from '../../shared/messages.ts';

export default function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const sm = sharedMessages[lang];
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: LoginBody) => {
    setBusy(true);
    setError(null);
    try {
      const result = await authApi.login(values);
      setCsrfToken(result.csrfToken);
      client.setQueryData(['me'], result.user);
      void navigate(result.user.mustChangePassword ? '/doi-mat-khau' : '/', { replace: true });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: '#eef3f9',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t.appName}
        </Typography.Title>
        <Form layout="vertical" onFinish={(v: LoginBody) => void submit(v)}>
          <Form.Item label={t.username} name="username" rules={[{ required: true }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t.password} name="password" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && (
            <Alert
              type="error"
              showIcon
              message={error}
              style={{ marginBottom: 16 }}
              role="alert"
            />
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t.signIn}
          </Button>
        </Form>
        <div style={{ marginTop: 12 }}>
          <Link to="/tra-cuu-van-bang">{sm.lookupDiploma}</Link> ·{' '}
          <Link to="/xac-minh">{sm.verifyDiploma}</Link>
        </div>
        <Button
          type="link"
          onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          style={{ padding: 0, marginTop: 8 }}
        >
          {t.language}
        </Button>
      </Card>
    </div>
  );
}
