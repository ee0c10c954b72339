import { Tag } from 'antd';
import type { DiplomaSummary } from '../../../../src/modules/diplomas/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { diplomaMessages } from './messages.ts';

/** A register entry's status as the back office shows it, in the page's language. */
export function StatusTag({ status }: { status: DiplomaSummary['status'] }) {
  const t = useMessages(diplomaMessages);
  return {
    valid: <Tag color="green">{t.statusValid}</Tag>,
    corrected: <Tag color="blue">{t.statusCorrected}</Tag>,
    revoked: <Tag color="red">{t.statusRevoked}</Tag>,
  }[status];
}
