import { useQuery } from '@tanstack/react-query';
import { useMessages } from './i18n.ts';
import { sharedMessages } from './messages.ts';
import { Select, Tag } from 'antd';
import { useRef, useState } from 'react';
import type { Me, UnitSummary } from '../../../src/modules/orgs/contract.ts';
import { orgsApi } from '../modules/orgs/api.ts';

/** A school as the year-end and transfer pages hold it. */
export interface PickedSchool {
  id: string;
  name: string;
}

/** A school within the caller's scope: their own school, or one found by code or name. */
export function SchoolPicker({
  me,
  value,
  onChange,
}: {
  me: Me;
  value: PickedSchool | null;
  onChange: (school: PickedSchool) => void;
}) {
  const m = useMessages(sharedMessages);
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['school-picker', q],
    queryFn: () => orgsApi.search(q),
    enabled: q.trim().length > 1,
  });
  if (me.orgUnit.kind === 'school') return <Tag color="blue">{me.orgUnit.name}</Tag>;
  return (
    <Select
      showSearch
      filterOption={false}
      placeholder={m.pickSchool}
      style={{ width: 360, maxWidth: '100%' }}
      aria-label={m.school}
      value={value?.id}
      onSearch={setQ}
      loading={found.isFetching}
      options={(found.data ?? [])
        .filter((u) => u.kind === 'school' || u.kind === 'centre')
        .map((u) => ({ value: u.id, label: `${u.code} — ${u.name}` }))}
      onChange={(id: string) => {
        const unit = found.data?.find((u) => u.id === id);
        if (unit) onChange({ id: unit.id, name: unit.name });
      }}
    />
  );
}

/** The school a school account works on; none for an office or the department. */
export function initialSchool(me: Me): PickedSchool | null {
  return me.orgUnit.kind === 'school' ? { id: me.orgUnit.id, name: me.orgUnit.name } : null;
}

/** A list filter: one school of the scope, found by typing part of a name or code; clearable. */
export function SchoolFilter({
  value,
  onChange,
}: {
  value?: string;
  onChange: (id?: string) => void;
}) {
  const m = useMessages(sharedMessages);
  const [options, setOptions] = useState<UnitSummary[]>([]);
  // Answers can arrive out of order while someone types: only the newest query's answer is shown.
  const latestQuery = useRef(0);
  return (
    <Select
      showSearch
      allowClear
      value={value}
      placeholder={m.filterSchool}
      aria-label={m.filterBySchool}
      filterOption={false}
      onSearch={(q) => {
        if (q.trim().length < 2) return;
        const query = ++latestQuery.current;
        void orgsApi.search(q).then((units) => {
          if (query === latestQuery.current) setOptions(units.filter((u) => u.kind === 'school'));
        });
      }}
      onChange={(id?: string) => onChange(id)}
      options={options.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
      style={{ width: 260, maxWidth: '100%' }}
    />
  );
}
