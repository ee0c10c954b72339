import { useQuery } from '@tanstack/react-query';
import { Card, List, Typography } from 'antd';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '');

/** For reviewers: evidence files identical to another school's, paragraphs copied from another report. */
export function CopiesPanel({ cycle }: { cycle: CycleDetail }) {
  const m = useMessages(messages);
  const copies = useQuery({
    queryKey: ['accreditation', 'copies', cycle.id, cycle.version],
    queryFn: () => accreditationApi.copies(cycle.id),
  });
  if (copies.error) return <ErrorResult error={copies.error} />;
  const data = copies.data;
  const items = [
    ...(data?.identicalFiles ?? []).map((f) =>
      fill(m.identicalFile, { code: f.code, other: f.otherCode, school: f.otherSchool.name }),
    ),
    ...(data?.copiedParagraphs ?? []).map(
      (p) =>
        `${fill(m.copiedParagraph, {
          code: p.criterionCode,
          other: p.otherCriterionCode,
          school: p.otherSchool.name,
          percent: `${Math.round(p.similarity * 100).toLocaleString('vi-VN')} %`,
        })}: “${p.excerpt}”`,
    ),
  ];
  return (
    <Card size="small" title={m.copies} loading={copies.isLoading}>
      {items.length === 0 ? (
        <Typography.Text type="secondary">{m.noCopies}</Typography.Text>
      ) : (
        <List size="small" dataSource={items} renderItem={(t) => <List.Item>{t}</List.Item>} />
      )}
    </Card>
  );
}
