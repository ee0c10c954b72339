import { Button, Collapse, Descriptions, Tag } from 'antd';
import type { ProcedureInfo } from '../../../../src/modules/services/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { fill, messages } from './messages.ts';

/** Every procedure in plain Vietnamese: basis, who, documents, fee, steps, deadline. */
export function CataloguePanel(props: {
  procedures: ProcedureInfo[];
  onApply: (id: string) => void;
}) {
  const m = useMessages(messages);
  const level = { full: m.onlineFull, partial: m.onlinePartial, none: m.onlineNone };
  return (
    <Collapse
      items={props.procedures.map((p) => ({
        key: p.id,
        label: (
          <span>
            {p.nationalCode && <Tag>{p.nationalCode}</Tag>}
            {p.name}
          </span>
        ),
        children: (
          <>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={m.legalBasis}>
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {p.legalBasis.map((b) => (
                    <li key={b}>{b}</li>
                  ))}
                </ul>
              </Descriptions.Item>
              <Descriptions.Item label={m.applicants}>{p.applicants}</Descriptions.Item>
              <Descriptions.Item label={m.documents}>
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {p.documents.map((d) => (
                    <li key={d.id}>
                      {d.name}
                      {d.when && ` (${d.when})`}
                      {d.heldBy && (
                        <Tag color="green" style={{ marginLeft: 6, whiteSpace: 'normal' }}>
                          {fill(m.heldBy, { who: d.heldBy })}
                        </Tag>
                      )}
                    </li>
                  ))}
                </ul>
              </Descriptions.Item>
              <Descriptions.Item label={m.handledBy}>{p.division}</Descriptions.Item>
              <Descriptions.Item label={m.fee}>{p.fee}</Descriptions.Item>
              <Descriptions.Item label={m.steps}>
                <ol style={{ margin: 0, paddingLeft: 18 }}>
                  {p.steps.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ol>
              </Descriptions.Item>
              <Descriptions.Item label={m.deadline}>{p.deadlineText}</Descriptions.Item>
              <Descriptions.Item label={m.online}>{level[p.online]}</Descriptions.Item>
            </Descriptions>
            {p.online !== 'none' && (
              <Button type="primary" style={{ marginTop: 12 }} onClick={() => props.onApply(p.id)}>
                {m.apply}
              </Button>
            )}
          </>
        ),
      }))}
    />
  );
}
