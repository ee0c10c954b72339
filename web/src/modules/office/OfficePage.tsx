/** The e-office (issue #17): registers, tasks, the work calendar and the unit's settings. */
import { useQuery } from '@tanstack/react-query';
import { Tabs, Typography } from 'antd';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { CalendarTab } from './CalendarTab.tsx';
import { DraftsTab } from './DraftsTab.tsx';
import { IncomingTab } from './IncomingTab.tsx';
import { OutgoingTab } from './OutgoingTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { TasksTab } from './TasksTab.tsx';

export default function OfficePage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const settings = useQuery({
    queryKey: ['office', 'settings'],
    queryFn: () => officeApi.settings(),
  });
  return (
    <>
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Tabs
        items={[
          { key: 'in', label: m.incoming, children: <IncomingTab me={me} /> },
          {
            key: 'out',
            label: m.outgoing,
            children: <OutgoingTab me={me} settings={settings.data} />,
          },
          {
            key: 'drafts',
            label: m.drafts,
            children: <DraftsTab me={me} divisions={settings.data?.divisions ?? []} />,
          },
          { key: 'tasks', label: m.myTasks, children: <TasksTab /> },
          { key: 'calendar', label: m.calendar, children: <CalendarTab me={me} /> },
          ...(me.permissions.includes('office.settings') && settings.data
            ? [
                {
                  key: 'settings',
                  label: m.settings,
                  children: <SettingsTab settings={settings.data} />,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
