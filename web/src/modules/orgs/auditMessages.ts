import { defineMessages } from '../../shared/i18n.ts';

/** The audit log's own words (the shared catalogue has when/actor/action/object). */
export const auditMessages = defineMessages(
  {
    what: 'Nội dung',
    field: 'Thông tin',
    technical: 'Chi tiết kỹ thuật',
    recordId: 'Mã bản ghi',
    noLabelledChange: 'Không có thông tin nghiệp vụ nào thay đổi',
    empty: '(trống)',
  },
  {
    what: 'What',
    field: 'Field',
    technical: 'Technical details',
    recordId: 'Record id',
    noLabelledChange: 'No business field changed',
    empty: '(empty)',
  },
);
