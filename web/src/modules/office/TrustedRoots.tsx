// The department's trusted root certificates for signature checks: listed, added as PEM, removed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TrustedRootList } from '../../../../src/modules/office/contract.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { useErrorToast } from './parts.tsx';

/** Shown to the department only: another unit's list answers 403 and nothing is shown. */
export function TrustedRoots() {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const client = useQueryClient();
  const [pem, setPem] = useState('');
  const key = ['office', 'settings', 'trusted-roots'];
  const list = useQuery({ queryKey: key, queryFn: () => officeApi.trustedRoots(), retry: false });
  const done = (data: TrustedRootList) => client.setQueryData(key, data);
  const add = useMutation({
    mutationFn: () => officeApi.addTrustedRoot({ certificate: pem }),
    onSuccess: (data) => {
      done(data);
      setPem('');
    },
    onError: toast,
  });
  const remove = useMutation({
    mutationFn: (id: string) => officeApi.removeTrustedRoot(id),
    onSuccess: done,
    onError: toast,
  });
  if (!list.data) return null;
  return (
    <div style={{ marginTop: 16, marginBottom: 16 }}>
      <Typography.Title level={5}>{m.trustedRoots}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.trustedRootsHelp}</Typography.Paragraph>
      {list.data.items.length > 0 && (
        <List
          size="small"
          dataSource={list.data.items}
          renderItem={(r) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  size="small"
                  danger
                  loading={remove.isPending}
                  onClick={() => remove.mutate(r.id)}
                >
                  {m.removeTrustedRoot}
                </Button>,
              ]}
            >
              {r.subject}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {m.validUntil} {formatDate(r.notAfter)} · SHA-256 {r.sha256.slice(0, 12)}…
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input.TextArea
          aria-label={m.addTrustedRoot}
          rows={4}
          value={pem}
          onChange={(e) => setPem(e.target.value)}
          placeholder="-----BEGIN CERTIFICATE-----"
        />
        <Button disabled={!pem.trim()} loading={add.isPending} onClick={() => add.mutate()}>
          {m.addTrustedRoot}
        </Button>
      </Space>
    </div>
  );
}
