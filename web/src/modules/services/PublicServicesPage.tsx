import { Card, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProcedureInfo } from '../../../../src/modules/services/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { useMessages } from '../../shared/i18n.ts';
import { servicesApi } from './api.ts';
import { ApplyPanel } from './ApplyPanel.tsx';
import { CataloguePanel } from './CataloguePanel.tsx';
import { messages } from './messages.ts';
import { TrackPanel } from './TrackPanel.tsx';

/** The public page (no account): the catalogue, applying, tracking by code. */
export default function PublicServicesPage() {
  const m = useMessages(messages);
  const [procedures, setProcedures] = useState<ProcedureInfo[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tab, setTab] = useState('catalogue');
  const [chosen, setChosen] = useState<string | undefined>();
  useEffect(() => {
    servicesApi.procedures().then((r) => setProcedures(r.items), setError);
  }, []);
  if (error) return <ErrorResult error={error} />;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto', padding: 12 }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {m.title}
        </Typography.Title>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'catalogue',
              label: m.catalogue,
              children: (
                <CataloguePanel
                  procedures={procedures ?? []}
                  onApply={(id) => {
                    setChosen(id);
                    setTab('apply');
                  }}
                />
              ),
            },
            {
              key: 'apply',
              label: m.apply,
              children: (
                <ApplyPanel
                  procedures={(procedures ?? []).filter((p) => p.online !== 'none')}
                  chosen={chosen}
                />
              ),
            },
            { key: 'track', label: m.track, children: <TrackPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
