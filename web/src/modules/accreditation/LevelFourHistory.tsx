import { useQuery } from '@tanstack/react-query';
import { Button, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { LevelFourVersion } from '../../../../src/modules/accreditation/contract.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** Every saved version of a set's Mức 4 list: who saved it, when, the source, and the list then. */
export function LevelFourHistory({ setId }: { setId: string }) {
  const m = useMessages(messages);
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<LevelFourVersion | null>(null);
  const versions = useQuery({
    queryKey: ['accreditation', 'level4-versions', setId],
    queryFn: () => accreditationApi.levelFourVersions(setId),
    enabled: open,
  });
  const saver = (v: LevelFourVersion) => `${v.savedBy} · ${formatDate(v.savedAt, true)}`;
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {m.levelFourHistory}
      </Button>
      <Modal
        open={open}
        title={m.levelFourHistory}
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
              {m.textVersion} {shown.version} · {saver(shown)}
            </Typography.Paragraph>
            <Typography.Paragraph>
              {m.levelFourSource}: {shown.source}
            </Typography.Paragraph>
            <ol style={{ paddingLeft: 20 }}>
              {shown.criteria.map((c) => (
                <li key={c.code} style={{ whiteSpace: 'pre-wrap' }}>
                  {c.text}
                </li>
              ))}
            </ol>
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
                  description={
                    <>
                      <div>{saver(v)}</div>
                      <div>
                        {m.levelFourSource}: {v.source}
                      </div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Modal>
    </>
  );
}
