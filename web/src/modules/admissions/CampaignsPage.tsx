import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { Campaign } from './CampaignPanel.tsx';
import { messages } from './messages.ts';
import { NewCampaign } from './NewCampaign.tsx';
import { NewEntryCampaign } from './NewEntryCampaign.tsx';

/** The department's and schools' admissions page: campaigns, programs, slips, scores, allocation. */
export default function CampaignsPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const manage = me.permissions.includes('admissions.manage');
  // Grade 1 and grade 6 (issue #15): the department or a commune's officer.
  const entry = me.permissions.includes('admissions.entry');
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['admissions', 'campaigns'],
    queryFn: () => admissionsApi.campaigns(),
  });
  const current = selected ?? list.data?.[0]?.id ?? null;
  return (
    <div>
      <Typography.Title level={3}>{m.staffTitle}</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ minWidth: 280, maxWidth: '100%' }}
          aria-label={m.name}
          value={current ?? undefined}
          onChange={setSelected}
          options={(list.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          placeholder={m.noCampaigns}
        />
      </Space>
      {manage && <NewCampaign onCreated={setSelected} />}
      {entry && <NewEntryCampaign onCreated={setSelected} />}
      {current && <Campaign id={current} me={me} />}
    </div>
  );
}
