import { Result } from 'antd';
import { ApiError } from './api.ts';
import { useI18n } from './i18n.ts';

/** A page or panel that could not load: 403 and 404 in plain words, else the problem's text. */
export function ErrorResult({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.status === 403)
    return (
      <Result
        status="403"
        title={t.forbidden}
        subTitle={error.problem.detail || t.forbiddenDetail}
      />
    );
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t.notFound} subTitle={t.notFoundDetail} />;
  return (
    <Result
      status="error"
      title={error instanceof ApiError ? error.problem.title : t.error}
      subTitle={error instanceof Error ? error.message : String(error)}
    />
  );
}
