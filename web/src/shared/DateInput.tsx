import { Input, type InputProps } from 'antd';
import type { Rule } from 'antd/es/form';
import {
  checkVietnameseDate,
  formatVietnameseDate,
  todayInVietnam,
} from '../../../src/lib/dates.ts';
import { activeLang } from './i18n.ts';

/**
 * A date typed as Vietnamese users write it, dd/mm/yyyy, the form's value
 * being the text as typed (the server reads dd/mm/yyyy too). A value given
 * as yyyy-mm-dd (from the server) is shown dd/mm/yyyy; eight digits typed
 * in a row ("24122008") get their slashes when the field is left.
 * Check it with dateRules: they tell a malformed date from a day that is not
 * in the calendar ("31/02/2024").
 */
export function DateInput({
  value,
  onChange,
  ...rest
}: Omit<InputProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?: (value: string) => void;
}) {
  const shown =
    value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatVietnameseDate(value) : (value ?? '');
  return (
    <Input
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      maxLength={10}
      {...rest}
      value={shown}
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={(e) => {
        const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(e.target.value.trim());
        if (digits) onChange?.(`${digits[1]}/${digits[2]}/${digits[3]}`);
        rest.onBlur?.(e);
      }}
    />
  );
}

/** Today as a DateInput's initial value (Vietnam's day, UTC+7). */
export const todayTyped = () => formatVietnameseDate(todayInVietnam());

/**
 * The checks of a DateInput: `label` names the field in the messages;
 * `notFuture` refuses a day after today (an issue date).
 */
export function dateRules(
  label: string,
  options: { required?: boolean; notFuture?: boolean } = {},
): Rule[] {
  return [
    {
      validator: (_rule, value: string | undefined | null) => {
        const text = (value ?? '').trim();
        const lang = activeLang();
        if (!text) {
          return options.required
            ? Promise.reject(
                new Error(
                  lang === 'en'
                    ? `${label} is required (dd/mm/yyyy).`
                    : `Cần nhập ${label.toLowerCase()} (dd/mm/yyyy).`,
                ),
              )
            : Promise.resolve();
        }
        const r = checkVietnameseDate(text, label, lang);
        if (!r.ok) return Promise.reject(new Error(r.message));
        if (options.notFuture && r.iso > todayInVietnam())
          return Promise.reject(
            new Error(
              lang === 'en'
                ? `${label} ${formatVietnameseDate(r.iso)} is in the future.`
                : `${label} ${formatVietnameseDate(r.iso)} là ngày trong tương lai.`,
            ),
          );
        return Promise.resolve();
      },
    },
  ];
}
