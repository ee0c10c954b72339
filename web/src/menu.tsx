import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  ClockCircleOutlined,
  CommentOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  IdcardOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { MenuItemType } from 'antd/es/menu/interface';
import type { Me } from '../../src/modules/orgs/contract.ts';
import { messages as accreditationMessages } from './modules/accreditation/messages.ts';
import {
  messages as admissionMessages,
  entryMessages as admissionEntryMessages,
} from './modules/admissions/messages.ts';
import { messages as indicatorMessages } from './modules/indicators/messages.ts';
import { messages as officeMessages } from './modules/office/messages.ts';
import { registryMessages } from './modules/registry/messages.ts';
import { messages as serviceMessages } from './modules/services/messages.ts';
import { messages as surveyMessages } from './modules/surveys/messages.ts';
import type { catalogues, Lang } from './shared/i18n.ts';
import { sharedMessages } from './shared/messages.ts';

/** One entry: its path (also the key), icon and label, as antd's Menu takes it. */
export type MenuItem = MenuItemType & { key: string };

/** The side menu: each module's entry, shown to those holding its permission. */
export function menuItems(me: Me, lang: Lang, t: (typeof catalogues)[Lang]): MenuItem[] {
  const sm = sharedMessages[lang];
  return [
    { key: '/don-vi', icon: <ApartmentOutlined />, label: t.orgTree },
    ...(me.permissions.includes('user.manage')
      ? [{ key: '/nguoi-dung', icon: <TeamOutlined />, label: t.users }]
      : []),
    // The registry in a clerk's order: the school, its people, then the year's changes.
    // A department's or commune's officer starts from the list of its schools.
    ...(me.permissions.includes('registry.read') && me.orgUnit.kind !== 'school'
      ? [
          {
            key: '/danh-sach-truong',
            icon: <BankOutlined />,
            label: registryMessages[lang].schoolListMenu,
          },
        ]
      : []),
    ...(me.permissions.includes('registry.read')
      ? [
          { key: '/truong-hoc', icon: <BankOutlined />, label: sm.menuSchools },
          { key: '/hoc-sinh', icon: <SolutionOutlined />, label: sm.menuStudents },
          { key: '/can-bo', icon: <IdcardOutlined />, label: sm.menuStaff },
        ]
      : []),
    ...(me.permissions.includes('registry.write')
      ? [{ key: '/len-lop', icon: <RiseOutlined />, label: sm.menuPromotion }]
      : []),
    ...(me.permissions.includes('registry.read')
      ? [{ key: '/chuyen-truong', icon: <SwapOutlined />, label: sm.menuTransfers }]
      : []),
    ...(me.permissions.includes('registry.read')
      ? [
          {
            key: '/cho-xep-lop',
            icon: <UserAddOutlined />,
            label: registryMessages[lang].incomingMenu,
          },
        ]
      : []),
    ...(me.permissions.includes('registry.read') && me.orgUnit.kind !== 'school'
      ? [{ key: '/van-bang', icon: <SafetyCertificateOutlined />, label: sm.menuDiplomas }]
      : []),
    ...(me.permissions.includes('office.read')
      ? [{ key: '/van-ban', icon: <FileTextOutlined />, label: officeMessages[lang].title }]
      : []),
    ...(me.permissions.includes('indicators.read')
      ? [{ key: '/chi-tieu', icon: <BarChartOutlined />, label: indicatorMessages[lang].title }]
      : []),
    ...(me.permissions.includes('accreditation.read')
      ? [{ key: '/kiem-dinh', icon: <AuditOutlined />, label: accreditationMessages[lang].title }]
      : []),
    ...(me.permissions.includes('admissions.read')
      ? [
          {
            key: '/tuyen-sinh',
            icon: <SolutionOutlined />,
            label: admissionMessages[lang].publicTitle,
          },
        ]
      : []),
    // Entry grades: the commune's (or department's) catchments, beside the campaigns.
    ...(me.permissions.includes('admissions.catchments')
      ? [
          {
            key: '/tuyen-tuyen-sinh',
            icon: <EnvironmentOutlined />,
            label: admissionEntryMessages[lang].catchmentsMenu,
          },
        ]
      : []),
    ...(me.permissions.includes('services.read')
      ? [
          {
            key: '/ho-so-dich-vu-cong',
            icon: <CustomerServiceOutlined />,
            label: serviceMessages[lang].staffTitle,
          },
        ]
      : []),
    ...(me.permissions.includes('surveys.results')
      ? [
          {
            key: '/khao-sat-y-kien',
            icon: <CommentOutlined />,
            label: surveyMessages[lang].staffTitle,
          },
        ]
      : []),
    ...(me.permissions.includes('audit.read')
      ? [{ key: '/nhat-ky', icon: <AuditOutlined />, label: t.audit }]
      : []),
    ...(me.permissions.includes('jobs.read')
      ? [{ key: '/cong-viec-nen', icon: <ClockCircleOutlined />, label: t.jobs }]
      : []),
  ];
}
