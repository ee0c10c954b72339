import { Alert, App, Button, Space, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { registryFiles, type ImportKind } from '../modules/registry/api.ts';
import { requestHeaders, problemText } from './api.ts';
import { fill, useI18n, useMessages } from './i18n.ts';
import { sharedMessages } from './messages.ts';
import { ImportProgress, type Stage } from './ImportProgress.tsx';
import { ImportChangeTable, ImportErrorTable } from './ImportTables.tsx';
import { uploadWithProgress } from './uploadWithProgress.ts';

/**
 * The list import of the registry pages (students, staff): template, file,
 * "Kiểm tra" (dry run), every error in a table with row and column, the
 * annotated copy, then "Nhập". The file goes up with an upload progress bar,
 * then the server streams its progress (rows read, phase, rows written) on
 * the same request, so a list of tens of thousands of rows never leaves a
 * frozen page.
 */

import type {
  ImportReport as ImportResult,
  RowError,
  StudentChange as ImportChange,
} from '../../../src/modules/registry/contract.ts';
export type { ImportResult, RowError, ImportChange };
// The tables, in their own file now, are still exported from here.
export { ImportChangeTable, ImportErrorTable };

export function ImportPanel({
  kind,
  what,
  params = {},
  controls,
  onImported,
}: {
  /** The route's kind: /api/registry/imports/<kind>. */
  kind: ImportKind;
  /** "học sinh", "cán bộ, giáo viên": for messages. */
  what: string;
  /** The kind's own query parameters (school year, create classes). */
  params?: Record<string, string>;
  /** Inputs for those parameters, shown above the file. */
  controls?: ReactNode;
  onImported?: () => Promise<void> | void;
}) {
  const { message } = App.useApp();
  const { t, lang } = useI18n();
  const m = useMessages(sharedMessages);
  const n = (x: number) => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState(false);
  const busy = stage.step !== 'idle';
  const query = (dryRun: boolean, progress: boolean) =>
    new URLSearchParams({
      ...params,
      dryRun: dryRun ? '1' : '0',
      ...(progress ? { progress: '1' } : {}),
    });

  const send = async (dryRun: boolean) => {
    if (!file) return void message.warning(m.importChooseFile);
    const body = new FormData();
    body.append('file', file);
    setStage({ step: 'upload', percent: 0 });
    try {
      const { last, problem, status } = await uploadWithProgress(
        registryFiles.import(kind, query(dryRun, true)),
        body,
        (percent) => setStage({ step: 'upload', percent }),
        (line) => setStage({ step: 'server', line }),
      );
      if (!last)
        return void message.error(
          problem?.detail ?? fill(m.importServerAnswered, { status: String(status) }),
        );
      if (last.phase !== 'done')
        return void message.error(
          last.phase === 'failed' ? last.error.detail : m.importConnectionLost,
        );
      const result = last.result;
      setResult(result);
      const ok = result.errorList.length === 0;
      setApplied(ok && !dryRun);
      if (ok && !dryRun) {
        void message.success(
          fill(
            m.importDone,
            { added: result.summary.added, updated: result.summary.updated },
            lang,
          ),
        );
        // Not awaited: the panel is free at once; whatever the page reloads runs behind it.
        void onImported?.();
      }
    } catch (e) {
      void message.error(problemText(e));
    } finally {
      setStage({ step: 'idle' });
    }
  };

  const downloadAnnotated = async () => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    const response = await fetch(registryFiles.annotated(kind, query(true, false)), {
      method: 'POST',
      body,
      headers: requestHeaders(),
    });
    if (!response.ok) return void message.error(m.importAnnotatedFailed);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await response.blob());
    a.download = 'danh-sach-loi.xlsx';
    a.click();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        message={
          <>
            {m.importUse}{' '}
            <a href={registryFiles.importTemplate(kind)} download>
              {m.importTemplate}
            </a>{' '}
            {fill(m.importHelp, { what })}
          </>
        }
      />
      {controls}
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          setApplied(false);
          return false;
        }}
        onRemove={() => setFile(null)}
      >
        <Button>{m.importPick}</Button>
      </Upload>
      <Space>
        <Button onClick={() => void send(true)} disabled={!file || busy}>
          {m.importCheck}
        </Button>
        <Button
          type="primary"
          onClick={() => void send(false)}
          disabled={!result || result.errorList.length > 0 || applied || busy}
        >
          {m.importApply}
        </Button>
      </Space>
      <ImportProgress stage={stage} />
      {result && (
        <Alert
          data-testid="import-result"
          type={result.errorList.length ? 'error' : 'success'}
          message={
            result.errorList.length
              ? fill(m.importErrors, {
                  errors: n(result.errorList.length),
                  rows: n(result.summary.rows),
                })
              : fill(m.importValid, {
                  rows: n(result.summary.rows),
                  added: n(result.summary.added),
                  updated: n(result.summary.updated),
                  unchanged: n(result.summary.unchanged),
                }) + (applied ? m.importApplied : '')
          }
          description={
            result.unknownColumns.length
              ? fill(m.importUnusedColumns, { columns: result.unknownColumns.join(', ') })
              : undefined
          }
          action={
            result.errorList.length ? (
              <Button onClick={() => void downloadAnnotated()}>{m.importAnnotated}</Button>
            ) : result.changes?.length ? (
              <Button onClick={() => void downloadAnnotated()}>{t.importChangesDownload}</Button>
            ) : undefined
          }
        />
      )}
      {result && result.errorList.length > 0 && <ImportErrorTable errors={result.errorList} />}
      {result && result.errorList.length === 0 && result.changes && result.changes.length > 0 && (
        <ImportChangeTable changes={result.changes} updated={result.summary.updated} />
      )}
    </Space>
  );
}
