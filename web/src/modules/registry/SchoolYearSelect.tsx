import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { registryApi } from './api.ts';

/**
 * The school-year field of the registry's pages: a select of the years that
 * exist (classes in the caller's scope, this year and next), never free text
 * (issue #13 item 7: one backspace in a text field sent a malformed year).
 */
export function SchoolYearSelect({
  value,
  onChange,
  style,
  id,
  ariaLabel,
}: {
  value?: string;
  onChange?: (year: string) => void;
  style?: CSSProperties;
  id?: string;
  /** The field's name for screen readers (and tests): 'Năm học' by default. */
  ariaLabel?: string;
}) {
  const { lang } = useI18n();
  const years = useQuery({
    queryKey: ['school-years'],
    queryFn: () => registryApi.schoolYears(),
    staleTime: 60_000,
  });
  const list = years.data?.years ?? [currentSchoolYear()];
  const options = (value && !list.includes(value) ? [value, ...list] : list).map((y) => ({
    value: y,
    label: y,
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={(y: string) => onChange?.(y)}
      options={options}
      loading={years.isFetching}
      style={{ width: 130, ...style }}
      aria-label={ariaLabel ?? (lang === 'vi' ? 'Năm học' : 'School year')}
    />
  );
}
