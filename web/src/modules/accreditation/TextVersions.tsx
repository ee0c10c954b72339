import { useQuery } from '@tanstack/react-query';
import { Button, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { TextVersion } from '../../../../src/modules/accreditation/contract.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** The saved versions of a criterion's text: who saved each and when, and its text. */
export function TextVersions({
  cycleId,
  criterionCode,
}: {
  cycleId: string;
  criterionCode: string;
}) {
  const m = useMessages(messages);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<TextVersion | null>(null);
  const versions = useQuery({
    queryKey: ['accreditation', 'text-versions', cycleId, criterionCode],
    queryFn: () => accreditationApi.textVersions(cycleId, criterionCode),
    enabled: open,
  });
  const fields: [keyof TextVersion, string][] = [
    ['description', m.description],
    ['strengths', m.strengths],
    ['weaknesses', m.weaknesses],
    ['improvementPlan', m.improvementPlan],
  ];
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {m.textHistory}
      </Button>
      <Modal
        open={open}
        title={`${m.textHistory} · ${m.criterion} ${criterionCode}`}
        footer={null}
        width={720}
        onCancel={() => {
          setOpen(false);
          setShown(null);
        }}
        destroyOnHidden
      >
        {shown ? (
          <>
            <Button size="small" onClick={() => setShown(null)} style={{ marginBottom: 8 }}>
              {m.back}
            </Button>
            <Typography.Paragraph type="secondary">
              {m.textVersion} {shown.version} · {shown.savedBy} · {formatDate(shown.savedAt, true)}
            </Typography.Paragraph>
            {fields.map(([name, label]) => (
              <div key={name}>
                <Typography.Text strong>{label}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {String(shown[name]) || '—'}
                </Typography.Paragraph>
              </div>
            ))}
          </>
        ) : (
          <List
            loading={versions.isLoading}
            dataSource={versions.data ?? []}
            renderItem={(v) => (
              <List.Item
                actions={[
                  <Button key="view" size="small" onClick={() => setShown(v)}>
                    {m.viewVersion}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={`${m.textVersion} ${v.version}`}
                  description={`${v.savedBy} · ${formatDate(v.savedAt, true)}`}
                />
              </List.Item>
            )}
          />
        )}
      </Modal>
    </>
  );
}
