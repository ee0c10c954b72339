import { Select } from 'antd';
import { useRef, useState } from 'react';
import type { UnitSummary } from '../../../src/modules/orgs/contract.ts';
import { orgsApi } from '../modules/orgs/api.ts';
import { KIND_LABELS, useI18n } from './i18n.ts';

/** A unit chosen by typing part of its name or code (searched on the server, within scope). */
export function UnitPicker({
  id,
  value,
  onChange,
  placeholder,
  kinds,
}: {
  /** Given by Form.Item so that its label points at the input. */
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  placeholder?: string;
  /** Offer only units of these kinds (a school picker: `['school']`). */
  kinds?: UnitSummary['kind'][];
}) {
  const { lang, t } = useI18n();
  const [options, setOptions] = useState<UnitSummary[]>([]);
  // Answers can arrive out of order while someone types: only the newest query's answer is shown,
  // or a late answer to "Sở Giáo" could replace the options for the full school name.
  const latestQuery = useRef(0);
  return (
    <Select
      id={id}
      showSearch
      value={value}
      placeholder={placeholder ?? t.searchUnits}
      filterOption={false}
      onSearch={(q) => {
        if (q.trim().length < 2) return;
        const query = ++latestQuery.current;
        void orgsApi.search(q).then((found) => {
          if (query === latestQuery.current) setOptions(found);
        });
      }}
      onChange={(id: string) => onChange?.(id)}
      options={options
        .filter((u) => !kinds || kinds.includes(u.kind))
        .map((u) => ({
          value: u.id,
          label: `${u.name} (${u.code}, ${KIND_LABELS[lang][u.kind]})`,
        }))}
      style={{ width: '100%' }}
    />
  );
}
