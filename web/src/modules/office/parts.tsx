// Small pieces the office pages share: dates as dd/mm/yyyy, the error toast, the phone breakpoint.
import { App as AntApp, Grid, Tag } from 'antd';
import type { AssignmentRow } from '../../../../src/modules/office/contract.ts';
import { problemText } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { messages } from './messages.ts';

export const dmy = (iso: string | null) =>
  iso ? iso.slice(0, 10).split('-').reverse().join('/') : '';
export const when = (ts: string | null, lang: string) =>
  ts
    ? new Date(ts).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
        timeZone: 'Asia/Ho_Chi_Minh',
      })
    : '';
export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
export const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

export function useErrorToast() {
  const { message } = AntApp.useApp();
  return (error: unknown) => void message.error(problemText(error));
}

export function usePhone() {
  return !Grid.useBreakpoint().md;
}

export function AssignmentTags({ a }: { a: AssignmentRow }) {
  const m = useMessages(messages);
  if (a.status === 'done') return <Tag color="green">{m.finished}</Tag>;
  if (a.overdue) return <Tag color="red">{m.overdue}</Tag>;
  if (a.dueSoon) return <Tag color="orange">{m.dueSoon}</Tag>;
  return null;
}
