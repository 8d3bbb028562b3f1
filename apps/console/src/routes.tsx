import { Result, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ConsoleLayout } from './layout/console-layout';
import { NoAccessPage } from './sections/login/no-access-page';
import { ScopeProvider } from './session/scope-context';
import { useSession } from './session/session-context';

// Each page is its own chunk, loaded the first time it is opened.
const LoginPage = lazy(() => import('./sections/login/login-page'));
const DashboardPage = lazy(() => import('./sections/dashboard/dashboard-page'));
const ScreenPage = lazy(() => import('./sections/dashboard/screen-page'));
const ApplicationsPage = lazy(() => import('./sections/membership/applications-page'));
const RosterPage = lazy(() => import('./sections/members/roster-page'));
const OrgsPage = lazy(() => import('./sections/orgs/orgs-page'));
const UsersPage = lazy(() => import('./sections/users/users-page'));
const BanksPage = lazy(() => import('./sections/quiz/banks-page'));
const BankPage = lazy(() => import('./sections/quiz/bank-page'));
const CampaignsPage = lazy(() => import('./sections/quiz/campaigns-page'));
const CampaignEditorPage = lazy(() => import('./sections/quiz/campaign-editor-page'));
const CampaignPage = lazy(() => import('./sections/quiz/campaign-page'));
const SeasonsPage = lazy(() => import('./sections/reading/seasons-page'));
const SeasonEditorPage = lazy(() => import('./sections/reading/season-editor-page'));
const SeasonPage = lazy(() => import('./sections/reading/season-page'));
const BenefitsPage = lazy(() => import('./sections/care/benefits-page'));
const BenefitEditorPage = lazy(() => import('./sections/care/benefit-editor-page'));
const BenefitPage = lazy(() => import('./sections/care/benefit-page'));
const StationsPage = lazy(() => import('./sections/care/stations-page'));
const RedemptionsPage = lazy(() => import('./sections/care/redemptions-page'));
const InboxPage = lazy(() => import('./sections/legal/inbox-page'));
const QuestionPage = lazy(() => import('./sections/legal/question-page'));
const CasesPage = lazy(() => import('./sections/legal/cases-page'));
const CaseEditorPage = lazy(() => import('./sections/legal/case-editor-page'));
const AidPage = lazy(() => import('./sections/legal/aid-page'));
const ContentSafetyPage = lazy(() => import('./sections/content-safety/content-safety-page'));
const FeedbackPage = lazy(() => import('./sections/feedback/feedback-page'));
const EventsPage = lazy(() => import('./sections/events/events-page'));
const EventEditorPage = lazy(() => import('./sections/events/event-editor-page'));
const EventPage = lazy(() => import('./sections/events/event-page'));
const AssistanceApplicationsPage = lazy(() => import('./sections/assistance/applications-page'));
const AssistanceApplicationPage = lazy(() => import('./sections/assistance/application-page'));
const AssistanceRegisterPage = lazy(() => import('./sections/assistance/register-page'));
const AssistanceWishesPage = lazy(() => import('./sections/assistance/wishes-page'));
const AssistanceReportPage = lazy(() => import('./sections/assistance/report-page'));

function Loading() {
  return <Spin size="large" style={{ display: 'block', margin: '96px auto' }} tip="正在加载…"><div /></Spin>;
}

/** Signed in with a console role, or sent to the login page (or told they have no access). */
function RequireConsole() {
  const { session, consoleRole } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (!consoleRole) return <NoAccessPage />;
  return (
    <ScopeProvider>
      <ConsoleLayout />
    </ScopeProvider>
  );
}

/** Staff and admins only: a lawyer's console is the legal inbox. */
function StaffOnly({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const { consoleRole } = useSession();
  if (consoleRole === 'lawyer') return <Navigate to="/legal/inbox" replace />;
  if (admin && consoleRole !== 'admin') return <Result status="403" title="没有管理权限" subTitle="仅区总工会管理员可以使用此功能" />;
  return <>{children}</>;
}

const staff = (page: ReactNode, admin = false) => <StaffOnly admin={admin}>{page}</StaffOnly>;

export function ConsoleRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireConsole />}>
          <Route index element={staff(<DashboardPage />)} />
          <Route path="screen" element={staff(<ScreenPage />)} />
          <Route path="members/applications" element={staff(<ApplicationsPage />)} />
          <Route path="members/roster" element={staff(<RosterPage />)} />
          <Route path="members/orgs" element={staff(<OrgsPage />)} />
          <Route path="members/users" element={staff(<UsersPage />, true)} />
          <Route path="quiz/banks" element={staff(<BanksPage />)} />
          <Route path="quiz/banks/:id" element={staff(<BankPage />)} />
          <Route path="quiz/campaigns" element={staff(<CampaignsPage />)} />
          <Route path="quiz/campaigns/new" element={staff(<CampaignEditorPage />)} />
          <Route path="quiz/campaigns/:id" element={staff(<CampaignPage />)} />
          <Route path="quiz/campaigns/:id/edit" element={staff(<CampaignEditorPage />)} />
          <Route path="reading/seasons" element={staff(<SeasonsPage />)} />
          <Route path="reading/seasons/new" element={staff(<SeasonEditorPage />)} />
          <Route path="reading/seasons/:id" element={staff(<SeasonPage />)} />
          <Route path="reading/seasons/:id/edit" element={staff(<SeasonEditorPage />)} />
          <Route path="care/benefits" element={staff(<BenefitsPage />)} />
          <Route path="care/benefits/new" element={staff(<BenefitEditorPage />)} />
          <Route path="care/benefits/:id" element={staff(<BenefitPage />)} />
          <Route path="care/benefits/:id/edit" element={staff(<BenefitEditorPage />)} />
          <Route path="care/stations" element={staff(<StationsPage />)} />
          <Route path="care/redemptions" element={staff(<RedemptionsPage />)} />
          <Route path="legal/inbox" element={<InboxPage />} />
          <Route path="legal/questions/:id" element={<QuestionPage />} />
          <Route path="legal/cases" element={staff(<CasesPage />)} />
          <Route path="legal/cases/new" element={staff(<CaseEditorPage />)} />
          <Route path="legal/cases/:id" element={staff(<CaseEditorPage />)} />
          <Route path="legal/aid" element={staff(<AidPage />)} />
          <Route path="moderation" element={staff(<ContentSafetyPage />)} />
          <Route path="feedback" element={staff(<FeedbackPage />)} />
          <Route path="events" element={staff(<EventsPage />)} />
          <Route path="events/new" element={staff(<EventEditorPage />)} />
          <Route path="events/:id" element={staff(<EventPage />)} />
          <Route path="events/:id/edit" element={staff(<EventEditorPage />)} />
          <Route path="assistance/applications" element={staff(<AssistanceApplicationsPage />)} />
          <Route path="assistance/applications/:id" element={staff(<AssistanceApplicationPage />)} />
          <Route path="assistance/register" element={staff(<AssistanceRegisterPage />)} />
          <Route path="assistance/wishes" element={staff(<AssistanceWishesPage />)} />
          <Route path="assistance/report" element={staff(<AssistanceReportPage />)} />
          <Route path="*" element={<Result status="404" title="页面不存在" />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
