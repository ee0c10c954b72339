import { Alert, Button, Space } from 'antd';
import { useMessages } from '../../shared/i18n.ts';
import { messages } from './messages.ts';

/**
 * Shown where a versioned save (a criterion's text, an analysis row, the
 * Mức 4 list) was refused as stale: the server's text names who saved the
 * newer version; what the member typed stays in the form. Once the newer
 * version is loaded (`newerLoaded`) they save theirs as the next version or
 * take the newer one — never an unseen overwrite.
 */
export function StaleSaveAlert({
  title,
  detail,
  testId,
  newerLoaded,
  onSaveMine,
  onTakeTheirs,
}: {
  title: string;
  /** The server's problem text (who saved the newer version). */
  detail: string;
  testId: string;
  newerLoaded: boolean;
  onSaveMine: () => void;
  onTakeTheirs: () => void;
}) {
  const m = useMessages(messages);
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid={testId}
      style={{ marginBottom: 12 }}
      message={title}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>{detail}</div>
          <div>{m.textStaleKept}</div>
          <Space wrap>
            <Button size="small" type="primary" disabled={!newerLoaded} onClick={onSaveMine}>
              {m.saveMineAsNew}
            </Button>
            <Button size="small" disabled={!newerLoaded} onClick={onTakeTheirs}>
              {m.takeTheirs}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
