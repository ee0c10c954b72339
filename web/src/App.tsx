import { LogoutOutlined } from '@ant-design/icons';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense, useMemo, useState, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../src/modules/orgs/contract.ts';
import { menuItems } from './menu.tsx';
import { authApi } from './modules/orgs/api.ts';
import { ApiError, setCsrfToken, signedOutAsNull } from './shared/api.ts';
import { catalogues, I18nContext, ROLE_LABELS, useI18n, type Lang } from './shared/i18n.ts';

// Pages import it from shared/; exported here too, as it was.
export { ErrorResult } from './shared/ErrorResult.tsx';

const LoginPage = lazy(() => import('./modules/orgs/LoginPage.tsx'));
const ChangePasswordPage = lazy(() => import('./modules/orgs/ChangePasswordPage.tsx'));
const OrgTreePage = lazy(() => import('./modules/orgs/OrgTreePage.tsx'));
const UnitPage = lazy(() => import('./modules/orgs/UnitPage.tsx'));
const UsersPage = lazy(() => import('./modules/orgs/UsersPage.tsx'));
const AuditPage = lazy(() => import('./modules/orgs/AuditPage.tsx'));
const LookupPage = lazy(() => import('./modules/diplomas/LookupPage.tsx'));
const DiplomasPage = lazy(() => import('./modules/diplomas/DiplomasPage.tsx'));
const StudentsPage = lazy(() => import('./modules/registry/StudentsPage.tsx'));
const StudentPage = lazy(() => import('./modules/registry/StudentPage.tsx'));
const SchoolsPage = lazy(() => import('./modules/registry/SchoolsPage.tsx'));
const SchoolListPage = lazy(() => import('./modules/registry/SchoolListPage.tsx'));
const StaffPage = lazy(() => import('./modules/registry/StaffPage.tsx'));
const StaffRecordPage = lazy(() => import('./modules/registry/StaffRecordPage.tsx'));
const VerifyPage = lazy(() => import('./modules/diplomas/VerifyPage.tsx'));
const YearEndPage = lazy(() => import('./modules/registry/YearEndPage.tsx'));
const TransfersPage = lazy(() => import('./modules/registry/TransfersPage.tsx'));
const IncomingStudentsPage = lazy(() => import('./modules/registry/IncomingStudentsPage.tsx'));
const JobsPage = lazy(() => import('./modules/jobs/JobsPage.tsx'));
const OfficePage = lazy(() => import('./modules/office/OfficePage.tsx'));
const IndicatorsPage = lazy(() => import('./modules/indicators/IndicatorsPage.tsx'));
const AdmissionsPage = lazy(() => import('./modules/admissions/CampaignsPage.tsx'));
const AdmissionsPublicPage = lazy(() => import('./modules/admissions/PublicCampaignsPage.tsx'));
const CandidatePage = lazy(() => import('./modules/admissions/CandidatePage.tsx'));
const EntryCampaignsPage = lazy(() => import('./modules/admissions/EntryCampaignsPage.tsx'));
const EntryFamilyPage = lazy(() => import('./modules/admissions/EntryFamilyPage.tsx'));
const CatchmentsPage = lazy(() => import('./modules/admissions/CatchmentsPage.tsx'));
const AccreditationPage = lazy(() => import('./modules/accreditation/AccreditationPage.tsx'));
const CyclePage = lazy(() => import('./modules/accreditation/CyclePage.tsx'));
const AccreditationPublicPage = lazy(() => import('./modules/accreditation/PublicResultsPage.tsx'));
const PublicServicesPage = lazy(() => import('./modules/services/PublicServicesPage.tsx'));
const ServicesPage = lazy(() => import('./modules/services/ServicesPage.tsx'));
const SurveyAnswerPage = lazy(() => import('./modules/surveys/SurveyAnswerPage.tsx'));
const SurveysPage = lazy(() => import('./modules/surveys/SurveysPage.tsx'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

export function useMe(): Me | null | undefined {
  const { data } = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      const result = await signedOutAsNull(authApi.me());
      if (!result) return null;
      setCsrfToken(result.csrfToken);
      return result.user;
    },
  });
  return data;
}

function Shell({ me, children }: { me: Me; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  const items = menuItems(me, lang, t);
  const selected = items.find((i) => location.pathname.startsWith(i.key))?.key ?? '/don-vi';
  const signOut = async () => {
    await authApi.logout();
    client.setQueryData(['me'], null);
    void navigate('/dang-nhap');
  };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={collapsed}
        onCollapse={setCollapsed}
        theme="light"
        width={220}
        style={{ borderRight: '1px solid #eee' }}
      >
        <div style={{ padding: '16px 20px', fontWeight: 600, color: '#1d4e89' }}>sogd</div>
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          items={items}
          onClick={(e) => {
            void navigate(e.key);
            if (window.innerWidth < 992) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#1d4e89',
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <div
            style={{
              color: 'white',
              fontWeight: 600,
              flex: '1 1 auto',
              minWidth: 0,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
          >
            {t.appName}
          </div>
          <span
            className="hide-on-phone"
            style={{
              color: '#dbe7f5',
              minWidth: 0,
              maxWidth: '45%',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
            }}
            title={`${me.fullName} · ${ROLE_LABELS[lang][me.role]} · ${me.orgUnit.name}`}
          >
            {me.fullName} · {ROLE_LABELS[lang][me.role]} · {me.orgUnit.name}
          </span>
          <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {t.language}
          </Button>
          <Button
            size="small"
            icon={<LogoutOutlined />}
            onClick={() => void signOut()}
            aria-label={t.signOut}
          >
            <span className="hide-on-phone">{t.signOut}</span>
          </Button>
        </Layout.Header>
        <Layout.Content
          className="sogd-content"
          style={{ padding: 16, maxWidth: 1200, width: '100%' }}
        >
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function Gate({ children }: { children: (me: Me) => ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me === undefined) return <Spin style={{ margin: 48 }} />;
  if (me === null) return <Navigate to="/dang-nhap" replace state={{ from: location.pathname }} />;
  if (me.mustChangePassword && location.pathname !== '/doi-mat-khau')
    return <Navigate to="/doi-mat-khau" replace />;
  return <>{children(me)}</>;
}

function Routed() {
  return (
    <Suspense fallback={<Spin style={{ margin: 48 }} />}>
      <Routes>
        <Route path="/dang-nhap" element={<LoginPage />} />
        <Route path="/tra-cuu-van-bang" element={<LookupPage />} />
        <Route path="/xac-minh" element={<VerifyPage />} />
        <Route path="/tuyen-sinh-10" element={<AdmissionsPublicPage />} />
        <Route path="/dich-vu-cong" element={<PublicServicesPage />} />
        <Route path="/khao-sat" element={<SurveyAnswerPage />} />
        <Route path="/cong-khai-kiem-dinh" element={<AccreditationPublicPage />} />
        <Route path="/tuyen-sinh-10/:campaign" element={<CandidatePage />} />
        <Route path="/tuyen-sinh-dau-cap" element={<EntryCampaignsPage />} />
        <Route path="/tuyen-sinh-dau-cap/:campaign" element={<EntryFamilyPage />} />
        <Route
          path="/doi-mat-khau"
          element={<Gate>{(me) => <ChangePasswordPage me={me} />}</Gate>}
        />
        <Route
          path="/"
          element={<Gate>{(me) => <Navigate to={`/don-vi/${me.orgUnit.id}`} replace />}</Gate>}
        />
        {(
          [
            ['/don-vi', (me: Me) => <OrgTreePage me={me} />],
            ['/don-vi/:id', (me: Me) => <UnitPage me={me} />],
            ['/nguoi-dung', (me: Me) => <UsersPage me={me} />],
            ['/nhat-ky', () => <AuditPage />],
            ['/van-bang', (me: Me) => <DiplomasPage me={me} />],
            ['/hoc-sinh', (me: Me) => <StudentsPage me={me} />],
            ['/hoc-sinh/:id', (me: Me) => <StudentPage me={me} />],
            ['/truong-hoc', (me: Me) => <SchoolsPage me={me} />],
            ['/danh-sach-truong', (me: Me) => <SchoolListPage me={me} />],
            ['/len-lop', (me: Me) => <YearEndPage me={me} />],
            ['/chuyen-truong', (me: Me) => <TransfersPage me={me} />],
            ['/cho-xep-lop', (me: Me) => <IncomingStudentsPage me={me} />],
            ['/can-bo', (me: Me) => <StaffPage me={me} />],
            ['/can-bo/:id', (me: Me) => <StaffRecordPage me={me} />],
            ['/cong-viec-nen', (me: Me) => <JobsPage me={me} />],
            ['/van-ban', (me: Me) => <OfficePage me={me} />],
            ['/chi-tieu', (me: Me) => <IndicatorsPage me={me} />],
            ['/tuyen-sinh', (me: Me) => <AdmissionsPage me={me} />],
            ['/tuyen-tuyen-sinh', (me: Me) => <CatchmentsPage me={me} />],
            ['/kiem-dinh', (me: Me) => <AccreditationPage me={me} />],
            ['/kiem-dinh/ho-so/:id', () => <CyclePage />],
            ['/ho-so-dich-vu-cong', (me: Me) => <ServicesPage me={me} />],
            ['/khao-sat-y-kien', (me: Me) => <SurveysPage me={me} />],
          ] as const
        ).map(([path, render]) => (
          <Route
            key={path}
            path={path}
            element={<Gate>{(me) => <Shell me={me}>{render(me)}</Shell>}</Gate>}
          />
        ))}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}

/**
 * Whether the reader asked their system for less motion: antd's opening and
 * closing animations are then off (WCAG 2.3.3; on an old laptop they are also
 * what a slow machine stutters on).
 */
function prefersReducedMotion(): boolean {
  return window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

export function App() {
  const [reducedMotion] = useState(prefersReducedMotion);
  const [lang, setLangState] = useState<Lang>(() =>
    localStorage.getItem('sogd.lang') === 'en' ? 'en' : 'vi',
  );
  const i18n = useMemo(
    () => ({
      lang,
      t: catalogues[lang],
      setLang: (next: Lang) => {
        localStorage.setItem('sogd.lang', next);
        document.documentElement.lang = next;
        setLangState(next);
      },
    }),
    [lang],
  );
  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider
        locale={lang === 'vi' ? viVN : enUS}
        theme={{ token: { colorPrimary: '#1d4e89', motion: !reducedMotion } }}
      >
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <Routed />
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
