import { Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { initialSchool, SchoolPicker } from '../../shared/SchoolPicker.tsx';
import { pageMessages } from './pageMessages.ts';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import { TransferList } from './TransferList.tsx';
import { TransferRequestForm } from './TransferRequestForm.tsx';

/** "Chuyển trường": a school's incoming and outgoing transfers, and a new transfer. */
export default function TransfersPage({ me }: { me: Me }) {
  const [school, setSchool] = useState(initialSchool(me));
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const canWrite = me.permissions.includes('registry.write');
  const m = useMessages(pageMessages);
  return (
    <Card title={m.menuTransfers}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <SchoolPicker me={me} value={school} onChange={setSchool} />
        {school && (
          <Tabs
            items={[
              {
                key: 'in',
                label: m.incoming,
                children: (
                  <TransferList
                    schoolId={school.id}
                    direction="incoming"
                    canWrite={canWrite}
                    onHistory={setHistoryOf}
                  />
                ),
              },
              {
                key: 'out',
                label: m.outgoing,
                children: (
                  <TransferList
                    schoolId={school.id}
                    direction="outgoing"
                    canWrite={canWrite}
                    onHistory={setHistoryOf}
                  />
                ),
              },
              ...(canWrite
                ? [
                    {
                      key: 'new',
                      label: m.newTransfer,
                      children: (
                        <TransferRequestForm schoolId={school.id} onHistory={setHistoryOf} />
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Space>
      <HistoryDrawer studentId={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}
