import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ChangePasswordBody, Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { authApi } from './api.ts';
import { useI18n } from '../../shared/i18n.ts';

export default function ChangePasswordPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: ChangePasswordBody) => {
    setError(null);
    try {
      await authApi.changePassword(values);
      client.setQueryData(['me'], { ...me, mustChangePassword: false });
      void message.success(t.saved);
      void navigate('/', { replace: true });
    } catch (e) {
      setError(problemText(e));
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
      <Card title={t.changePassword} style={{ width: '100%', maxWidth: 420 }}>
        {me.mustChangePassword && (
          <Alert type="info" showIcon message={t.mustChange} style={{ marginBottom: 16 }} />
        )}
        <Form layout="vertical" onFinish={(v: ChangePasswordBody) => void submit(v)}>
          <Form.Item label={t.currentPassword} name="currentPassword" rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label={t.newPassword}
            name="newPassword"
            rules={[{ required: true, min: 10 }]}
            extra={t.passwordHint}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label={t.confirmPassword}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_rule, value) =>
                  value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.passwordsDiffer)),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
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
          <Button type="primary" htmlType="submit" block>
            {t.save}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
