import { List, Typography } from 'antd';
import { formatDate } from '../../shared/i18n.ts';

interface Version {
  version: number;
  submittedAt: string;
  onBehalf: boolean;
}

/**
 * Every saved version of an application, newest first: its number, when,
 * whether the school saved it for the family, and what it said (`describe`:
 * the grade-10 preferences, or the entry grades' residence and school).
 */
export function VersionHistory<V extends Version>({
  versions,
  describe,
  labels,
}: {
  versions: V[];
  describe: (v: V) => string;
  labels: { history: string; noVersion: string; version: string; onBehalf: string };
}) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {labels.history}
      </Typography.Title>
      {versions.length === 0 ? (
        <Typography.Text type="secondary">{labels.noVersion}</Typography.Text>
      ) : (
        <List
          size="small"
          data-testid="history"
          dataSource={versions}
          renderItem={(h) => (
            <List.Item>
              <span>
                <b>
                  {labels.version} {h.version}
                </b>{' '}
                · {formatDate(h.submittedAt, true)}
                {h.onBehalf ? ` · ${labels.onBehalf}` : ''} · {describe(h)}
              </span>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
