import { Progress, Spin, Steps, Typography } from 'antd';
import type { ProgressLine } from '../../../src/modules/registry/contract.ts';
import { fill, useI18n, useMessages } from './i18n.ts';
import { sharedMessages } from './messages.ts';

/** Where an import stands: idle, sending the file (percent), or the server's last progress line. */
export type Stage =
  { step: 'idle' } | { step: 'upload'; percent: number } | { step: 'server'; line: ProgressLine };

const PHASES = ['upload', 'reading', 'checking', 'writing'] as const;

/** The import's steps (upload, read, check, write) and a bar for the current one. */
export function ImportProgress({ stage }: { stage: Stage }) {
  const { lang } = useI18n();
  const m = useMessages(sharedMessages);
  const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
  if (stage.step === 'idle') return null;
  const line = stage.step === 'server' ? stage.line : null;
  const current = line ? Math.max(1, PHASES.indexOf(line.phase as (typeof PHASES)[number])) : 0;
  const rows = line ? line.rows.toLocaleString(locale) : '0';
  const percent =
    stage.step === 'upload'
      ? stage.percent
      : line?.phase === 'writing'
        ? Math.round((line.written / Math.max(1, line.rows)) * 100)
        : undefined;
  return (
    <div data-testid="import-progress" aria-live="polite">
      <Steps
        size="small"
        current={current}
        items={[
          {
            title: m.stepUpload,
            description: stage.step === 'upload' ? `${stage.percent}%` : m.stepDone,
          },
          { title: m.stepRead, description: fill(m.stepRows, { rows }) },
          { title: m.stepMatch },
          {
            title: m.stepWrite,
            description:
              line?.phase === 'writing'
                ? fill(m.stepRows, { rows: line.written.toLocaleString(locale) })
                : undefined,
          },
        ]}
      />
      {percent !== undefined ? (
        <Progress percent={percent} status="active" />
      ) : (
        <Typography.Text type="secondary">
          <Spin size="small" /> {fill(m.serverWorking, { rows })}
        </Typography.Text>
      )}
    </div>
  );
}
