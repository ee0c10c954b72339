// What the verification of a file's signatures found (src/modules/office/signing), one line per signature.
import { Tag, Tooltip, Typography } from 'antd';
import type {
  FileSignatureCheck,
  SignatureCheck,
} from '../../../../src/modules/office/contract.ts';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { messages } from './messages.ts';
import { fill } from './parts.tsx';

const COLOURS = {
  valid: 'green',
  untrusted: 'orange',
  expired: 'orange',
  modified: 'red',
  invalid: 'red',
  none: 'default',
} as const;

export function SignatureChecks({ check }: { check: FileSignatureCheck }) {
  const m = useMessages(messages);
  const line = (s: SignatureCheck) => {
    const signer = [
      s.signerName,
      s.organisation && s.organisation !== s.signerName ? s.organisation : null,
    ]
      .filter(Boolean)
      .join(', ');
    const time = s.signingTime ? formatDate(s.signingTime, true) : m.signatureUnknownTime;
    const text = {
      valid: m.signatureValid,
      untrusted: m.signatureUntrusted,
      expired: m.signatureExpired,
      modified: m.signatureModified,
      invalid: m.signatureInvalid,
    }[s.status];
    return fill(text, { signer, time });
  };
  const note = fill(m.signatureNoRevocation, { time: formatDate(check.checkedAt, true) });
  return (
    <div style={{ marginTop: 4 }}>
      {check.signatures.length === 0 ? (
        <Tag color={COLOURS.none}>{m.signatureNone}</Tag>
      ) : (
        check.signatures.map((s, i) => (
          <div key={i}>
            <Tooltip title={s.problem ?? note}>
              <Tag color={COLOURS[s.status]} style={{ whiteSpace: 'normal' }}>
                {line(s)}
              </Tag>
            </Tooltip>
          </div>
        ))
      )}
      {check.changedAfterLastSignature &&
        check.signatures.every((s) => s.status !== 'modified') && (
          <Tag color="red">{m.signatureModified}</Tag>
        )}
      {check.signatures.length > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      )}
    </div>
  );
}
