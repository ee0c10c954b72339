import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import type {
  CampaignDetail,
  HandOverAnswer,
} from '../../../../src/modules/admissions/contract.ts';
import { problemText } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { formatNumber } from './format.ts';
import { fill, messages } from './messages.ts';

/**
 * The department's hand-over of a published campaign: the confirmed go to
 * the registry as incoming students of their admitting school. A dialog
 * says how many will go before anything is sent; the answer's counts stay
 * on the page (by school, and who could not be sent).
 */
export function HandOver({ campaign }: { campaign: CampaignDetail }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { modal } = AntApp.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<HandOverAnswer | null>(null);
  const n = (v: number) => formatNumber(lang, v);

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      const preview = await admissionsApi.handOverPreview(campaign.id);
      if (!preview.confirmed) {
        setError(m.handOverNone);
        return;
      }
      modal.confirm({
        title: m.handOverTitle,
        content: (
          <div data-testid="hand-over-confirm">
            <p>
              {fill(m.handOverConfirm, {
                confirmed: n(preview.confirmed),
                year: campaign.schoolYear,
              })}
            </p>
            {preview.handedOver > 0 && (
              <p>{fill(m.handOverAgain, { handedOver: n(preview.handedOver) })}</p>
            )}
            {preview.notSent.length > 0 && (
              <p>{fill(m.handOverNotSent, { n: n(preview.notSent.length) })}</p>
            )}
          </div>
        ),
        okText: m.handOverOk,
        cancelText: m.cancel,
        onOk: async () => {
          try {
            setResult(await admissionsApi.handOver(campaign.id));
            // Not awaited: the confirmation closes at once; the campaign reloads behind it.
            void client.invalidateQueries({ queryKey: ['admissions', campaign.id] });
          } catch (e) {
            setError(problemText(e));
          }
        },
      });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={m.handOverTitle} style={{ marginBottom: 12 }}>
      <Button type="primary" loading={busy} onClick={() => void start()}>
        {m.handOver}
      </Button>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
      {result && (
        <div data-testid="hand-over-result" style={{ marginTop: 12 }}>
          <Alert
            type="success"
            message={fill(m.handOverDone, {
              sent: n(result.sent),
              alreadyThere: n(result.alreadyThere),
            })}
          />
          {result.bySchool.length > 0 && (
            <Table
              size="small"
              rowKey="schoolId"
              style={{ marginTop: 8 }}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={result.bySchool}
              columns={[
                { title: m.school, render: (_, s) => `${s.schoolCode} — ${s.schoolName}` },
                { title: m.handOverSent, align: 'right', render: (_, s) => n(s.sent) },
                { title: m.handOverAlready, align: 'right', render: (_, s) => n(s.alreadyThere) },
              ]}
            />
          )}
          {result.notSent.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 12 }}>
                {m.handOverProblems}
              </Typography.Title>
              <Table
                size="small"
                rowKey="code"
                pagination={false}
                scroll={{ x: 'max-content' }}
                dataSource={result.notSent}
                columns={[
                  { title: m.code, dataIndex: 'code' },
                  { title: m.candidate, dataIndex: 'fullName' },
                  { title: m.reason, dataIndex: 'reason' },
                ]}
              />
            </>
          )}
        </div>
      )}
    </Card>
  );
}
