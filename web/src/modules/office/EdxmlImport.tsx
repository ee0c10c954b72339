// Registers an incoming document from an edXML package (the inter-agency exchange format).
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Upload } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { fill, useErrorToast } from './parts.tsx';

export function EdxmlImport() {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const send = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      const r = await officeApi.importEdxml(body);
      void message.success(
        fill(m.edxmlImported, { n: String(r.arrivalNumber), files: String(r.files) }),
      );
      void client.invalidateQueries({ queryKey: ['office'] });
    } catch (error) {
      toast(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Upload
      accept=".edxml,.xml,application/xml,text/xml"
      showUploadList={false}
      beforeUpload={(file) => {
        void send(file);
        return false;
      }}
    >
      <Button loading={busy}>{m.edxmlImport}</Button>
    </Upload>
  );
}
