import type { Rule } from 'antd/es/form';

/**
 * A form rule for NumberInput and YearInput: they give NaN while the text is
 * not an accepted number, which the required rule alone lets through.
 */
export const numberRule = (message: string): Rule => ({
  validator: (_rule: unknown, value: number | null | undefined) =>
    Number.isNaN(value) ? Promise.reject(new Error(message)) : Promise.resolve(),
});
