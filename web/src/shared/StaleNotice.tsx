import { Alert, Button } from 'antd';
import { ApiError } from './api.ts';
import { useI18n } from './i18n.ts';

/** The server's problem type for a save made from a form loaded before someone else's change. */
const STALE_VERSION_TYPE = 'urn:sogd:problem:stale-version';

export function isStale(error: unknown): boolean {
  return (
    error instanceof ApiError && error.status === 409 && error.problem.type === STALE_VERSION_TYPE
  );
}

/**
 * Shown in a form whose save was refused as stale: nothing was saved, and
 * "Tải lại" puts the record's latest version in the form.
 */
export function StaleNotice({ onReload, loading }: { onReload: () => void; loading?: boolean }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="stale-notice"
      style={{ marginBottom: 16 }}
      message={t.staleTitle}
      description={t.staleHint}
      action={
        <Button size="small" type="primary" onClick={onReload} loading={loading}>
          {t.reload}
        </Button>
      }
    />
  );
}
