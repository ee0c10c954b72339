import { Input } from 'antd';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { NumberValue } from '../../shared/NumberInput.tsx';

/**
 * A year field (graduation year), with the value contract of the shared
 * NumberInput: a number, null when emptied, NaN while the text is not a
 * year within min–max. Not NumberInput itself: that one writes values vi-VN
 * with a thousands dot, and a year is written 2026, never 2.026.
 */
export function YearInput({
  value,
  onChange,
  min,
  max,
  style,
  id,
}: {
  value?: NumberValue;
  onChange?: (value: NumberValue) => void;
  min: number;
  max: number;
  style?: CSSProperties;
  id?: string;
}) {
  const show = (v: NumberValue | undefined) =>
    v === null || v === undefined || Number.isNaN(v) ? '' : String(v);
  const [text, setText] = useState(() => show(value));
  const emitted = useRef<NumberValue | undefined>(value);
  // A value set from outside (the school year chosen, a reset) replaces the text.
  useEffect(() => {
    const same =
      value === emitted.current ||
      (Number.isNaN(value) && Number.isNaN(emitted.current ?? undefined));
    if (!same) {
      emitted.current = value;
      setText(show(value));
    }
  }, [value]);
  const read = (t: string): NumberValue => {
    const digits = t.trim();
    if (!digits) return null;
    if (!/^\d{4}$/.test(digits)) return NaN;
    const year = Number(digits);
    return year < min || year > max ? NaN : year;
  };
  const invalid = Number.isNaN(read(text));
  return (
    <Input
      id={id}
      value={text}
      inputMode="numeric"
      maxLength={4}
      status={invalid ? 'error' : undefined}
      aria-invalid={invalid || undefined}
      style={style}
      onChange={(e) => {
        setText(e.target.value);
        const next = read(e.target.value);
        emitted.current = next;
        onChange?.(next);
      }}
    />
  );
}
