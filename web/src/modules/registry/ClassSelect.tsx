import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { fill, useMessages } from '../../shared/i18n.ts';
import { registryApi } from './api.ts';
import { transferMessages } from './transferMessages.ts';

/** A class of a school in a year, with its head count (where a transferred student goes). */
export function ClassSelect({
  schoolId,
  year,
  value,
  onChange,
}: {
  schoolId: string;
  year: string;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const m = useMessages(transferMessages);
  const classes = useQuery({
    queryKey: ['classes', schoolId, year],
    queryFn: () => registryApi.unitClasses(schoolId, year),
  });
  return (
    <Select
      style={{ width: 240 }}
      aria-label={m.destinationClassAria}
      placeholder={m.chooseClass}
      value={value}
      onChange={onChange}
      loading={classes.isFetching}
      options={(classes.data ?? []).map((c) => ({
        value: c.id,
        label: fill(m.classOption, { name: c.name, n: c.studentCount }),
      }))}
    />
  );
}
