// Importing the unit's signing certificate from a PKCS#12 file: read in the browser, sent as base64.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { useErrorToast } from './parts.tsx';

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

export function CertificateImport() {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [password, setPassword] = useState('');
  const send = useMutation({
    mutationFn: async (file: File) =>
      officeApi.importCertificate({ p12: await base64Of(file), password }),
    onSuccess: (s) => {
      void message.success(s.certificate?.subject ?? m.save);
      void client.invalidateQueries({ queryKey: ['office', 'settings'] });
    },
    onError: toast,
  });
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Password
        aria-label={m.p12Password}
        placeholder={m.p12Password}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        style={{ width: 200 }}
      />
      <Upload
        accept=".p12,.pfx"
        showUploadList={false}
        beforeUpload={(file) => {
          send.mutate(file);
          return false;
        }}
      >
        <Button loading={send.isPending}>{m.importP12}</Button>
      </Upload>
    </Space>
  );
}
