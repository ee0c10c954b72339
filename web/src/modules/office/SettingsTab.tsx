// The unit's abbreviation and drafting divisions, its signing certificate, the trusted roots.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Typography } from 'antd';
import type { OfficeSettings, SettingsBody } from '../../../../src/modules/office/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { CertificateImport } from './CertificateImport.tsx';
import { messages } from './messages.ts';
import { TrustedRoots } from './TrustedRoots.tsx';
import { dmy, useErrorToast } from './parts.tsx';

export function SettingsTab({ settings }: { settings: OfficeSettings }) {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { abbreviation: string; divisions?: string }) =>
      officeApi.saveSettings({
        abbreviation: v.abbreviation,
        divisions: (v.divisions ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      } satisfies SettingsBody),
    onSuccess: () => {
      void message.success(m.save);
      void client.invalidateQueries({ queryKey: ['office', 'settings'] });
    },
    onError: toast,
  });
  return (
    <Form
      layout="vertical"
      style={{ maxWidth: 480 }}
      initialValues={{
        abbreviation: settings.abbreviation ?? '',
        divisions: settings.divisions.join(', '),
      }}
      onFinish={(v: { abbreviation: string; divisions?: string }) => save.mutate(v)}
    >
      <Form.Item name="abbreviation" label={m.abbreviation} rules={[{ required: true }]}>
        <Input placeholder="SGDĐT" />
      </Form.Item>
      <Form.Item name="divisions" label={m.divisions}>
        <Input placeholder="VP, GDPT, KHTC" />
      </Form.Item>
      <Typography.Paragraph>
        {m.certificate}:{' '}
        {settings.certificate
          ? `${settings.certificate.subject} (→ ${dmy(settings.certificate.notAfter)})`
          : m.noCertificate}
      </Typography.Paragraph>
      <CertificateImport />
      <TrustedRoots />
      <br />
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {m.save}
      </Button>
    </Form>
  );
}
