import { Input, Tooltip } from 'antd';
import type { Rule } from 'antd/es/form';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import {
  formatVietnameseNumber,
  NUMBER_FORMAT_HINT,
  parseVietnameseNumber,
} from '../../../src/lib/numbers.ts';
import { useI18n } from './i18n.ts';

/** What the field holds: a number, nothing (empty), or NaN while the text typed is not a number. */
export type NumberValue = number | null;

export interface NumberInputProps {
  value?: NumberValue;
  /** A number; null when emptied; NaN when the text is not a number or outside min/max. */
  onChange?: (value: NumberValue) => void;
  min?: number;
  max?: number;
  /** Decimals allowed (0: whole numbers only). */
  precision?: number;
  disabled?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  'aria-label'?: string;
}

const HINT_EN = 'A number is needed, e.g. 96,5 or 1.234,5';

/** A form rule refusing what a NumberInput could not read (its value is NaN), with `message`. */
export function numberRule(message: string): Rule {
  return {
    validator: (_rule, value: NumberValue | undefined) =>
      Number.isNaN(value) ? Promise.reject(new Error(message)) : Promise.resolve(),
  };
}

/** vi-VN text of a value (`1.234,5`); '' for nothing. */
export function formatNumber(value: NumberValue | undefined, precision = 2): string {
  return value === null || value === undefined || Number.isNaN(value)
    ? ''
    : formatVietnameseNumber(value, precision);
}

/**
 * A number field that reads Vietnamese forms (`96,5`, `1.234,5`; also `96.5`)
 * through the same parser as the server (src/lib/numbers.ts) and shows the
 * value vi-VN when it is not being typed in. Antd's InputNumber drops a comma
 * it does not expect, which saved 96,5 as 965 (issue #13 item 1).
 */
export function NumberInput({
  value,
  onChange,
  min,
  max,
  precision = 2,
  disabled,
  placeholder,
  style,
  id,
  'aria-label': ariaLabel,
}: NumberInputProps) {
  const { lang } = useI18n();
  const [text, setText] = useState(() => formatNumber(value, precision));
  const [focused, setFocused] = useState(false);
  const emitted = useRef<NumberValue | undefined>(value);
  // A value set from outside (a reload, a reset) replaces the text.
  useEffect(() => {
    const same =
      value === emitted.current ||
      (Number.isNaN(value) && Number.isNaN(emitted.current ?? undefined));
    if (!same) {
      emitted.current = value;
      setText(formatNumber(value, precision));
    }
  }, [value, precision]);
  const read = (t: string): NumberValue => {
    if (!t.trim()) return null;
    const n = parseVietnameseNumber(t);
    if (n === null) return NaN;
    if (min !== undefined && n < min) return NaN;
    if (max !== undefined && n > max) return NaN;
    if (Math.round(n * 10 ** precision) / 10 ** precision !== n) return NaN;
    return n;
  };
  const current = read(text);
  const invalid = Number.isNaN(current);
  const range =
    min !== undefined && max !== undefined
      ? ` (${formatVietnameseNumber(min)}–${formatVietnameseNumber(max)}${precision === 0 ? (lang === 'vi' ? ', số nguyên' : ', whole number') : ''})`
      : '';
  const hint = `${lang === 'vi' ? NUMBER_FORMAT_HINT : HINT_EN}${range}`;
  return (
    <Tooltip title={invalid ? hint : undefined} open={invalid && focused ? true : undefined}>
      <Input
        id={id}
        value={text}
        inputMode={precision === 0 ? 'numeric' : 'decimal'}
        status={invalid ? 'error' : undefined}
        aria-invalid={invalid || undefined}
        aria-label={ariaLabel}
        disabled={disabled}
        placeholder={placeholder}
        style={style}
        onFocus={() => setFocused(true)}
        onChange={(e) => {
          setText(e.target.value);
          const next = read(e.target.value);
          emitted.current = next;
          onChange?.(next);
        }}
        onBlur={() => {
          setFocused(false);
          if (!invalid) setText(formatNumber(current, precision));
        }}
      />
    </Tooltip>
  );
}
