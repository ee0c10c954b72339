import { Alert, Button, Card, Space, Tabs } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { UnitPicker } from '../../shared/UnitPicker.tsx';
import { useMessages } from '../../shared/i18n.ts';
import { pageMessages } from './pageMessages.ts';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';
import { registryFiles } from './api.ts';
import { ClassesTab } from './ClassesTab.tsx';
import { FacilitiesTab } from './FacilitiesTab.tsx';
import { ProfileTab } from './ProfileTab.tsx';

/** The school clerk's page: a school's attributes for a school year, its classes and its rooms. */

/** What every tab of the schools page is given. */
export interface SchoolTabProps {
  schoolId: string;
  year: string;
  canWrite: boolean;
}

export default function SchoolsPage({ me }: { me: Me }) {
  const [schoolId, setSchoolId] = useState<string | undefined>(
    me.orgUnit.kind === 'school' ? me.orgUnit.id : undefined,
  );
  const [year, setYear] = useState(currentSchoolYear());
  const canWrite = me.permissions.includes('registry.write');
  const m = useMessages(pageMessages);
  return (
    <Card title={m.menuSchool}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%' }}>
          {me.orgUnit.kind !== 'school' && (
            <div style={{ width: 360, maxWidth: '80vw' }}>
              <UnitPicker
                kinds={['school']}
                value={schoolId}
                onChange={setSchoolId}
                placeholder={m.pickSchool}
              />
            </div>
          )}
          <SchoolYearSelect value={year} onChange={setYear} />
          {me.orgUnit.kind !== 'school' && (
            <Button href={registryFiles.facilities(year, me.orgUnit.id)}>
              {m.exportAllFacilities}
            </Button>
          )}
        </Space>
        {!schoolId ? (
          <Alert type="info" message={m.chooseSchoolHint} />
        ) : (
          <Tabs
            items={[
              {
                key: 'profile',
                label: m.tabProfile,
                children: <ProfileTab schoolId={schoolId} year={year} canWrite={canWrite} />,
              },
              {
                key: 'classes',
                label: m.tabClasses,
                children: <ClassesTab schoolId={schoolId} year={year} canWrite={canWrite} />,
              },
              {
                key: 'facilities',
                label: m.tabFacilities,
                children: <FacilitiesTab schoolId={schoolId} year={year} canWrite={canWrite} />,
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
