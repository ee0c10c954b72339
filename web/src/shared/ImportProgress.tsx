import { Progress, Spin, Steps, Typography } from 'antd';
import type { ProgressLine } from '../../../src/modules/registry/contract.ts';

/** Where an import stands: idle, sending the file (percent), or the server's last progress line. */
export type Stage =
  { step: 'idle' } | { step: 'upload'; percent: number } | { step: 'server'; line: ProgressLine };

const PHASES = ['upload', 'reading', 'checking', 'writing'] as const;

/** The import's steps (upload, read, check, write) and a bar for the current one. */
export function ImportProgress({ stage }: { stage: Stage }) {
  if (stage.step === 'idle') return null;
  const line = stage.step === 'server' ? stage.line : null;
  const current = line ? Math.max(1, PHASES.indexOf(line.phase as (typeof PHASES)[number])) : 0;
  const rows = line ? line.rows.toLocaleString('vi-VN') : '0';
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
          { title: 'Gửi tệp', description: stage.step === 'upload' ? `${stage.percent}%` : 'Xong' },
          { title: 'Đọc, kiểm tra từng dòng', description: `${rows} dòng` },
          { title: 'Đối chiếu dữ liệu đã có' },
          {
            title: 'Ghi vào cơ sở dữ liệu',
            description:
              line?.phase === 'writing'
                ? `${line.written.toLocaleString('vi-VN')} dòng`
                : undefined,
          },
        ]}
      />
      {percent !== undefined ? (
        <Progress percent={percent} status="active" />
      ) : (
        <Typography.Text type="secondary">
          <Spin size="small" /> Máy chủ đang xử lý, đã đọc {rows} dòng…
        </Typography.Text>
      )}
    </div>
  );
}
