import { createBrowserRouter } from 'react-router';
import { AGENCY_ADMIN_ROLES, COURSE_ROLES, PLATFORM_ROLES, PORTAL_ROLES } from './features/access/roles';
import { AgenciesRoute } from './routes/instansi';
import { HomeRoute } from './routes/dashboard';
import { PositionsRoute } from './routes/jabatan';
import { CoursesRoute } from './routes/kursus';
import { ActivityEditorRoute } from './routes/kursus-aktivitas';
import { CourseEditorRoute } from './routes/kursus-detail';
import { CourseCohortsRoute } from './routes/kursus-angkatan';
import { CourseEnrolmentRoute } from './routes/kursus-pendaftaran';
import { CourseParticipantsRoute } from './routes/kursus-peserta';
import { BulkEnrolRoute } from './routes/kursus-peserta-massal';
import { CourseSessionsRoute } from './routes/kursus-sesi';
import { AttendanceRoute } from './routes/presensi';
import { CourseProgressRoute } from './routes/kursus-progres';
import { LearnerProgressRoute } from './routes/kursus-progres-peserta';
import { AttemptRoute } from './routes/percobaan';
import { ApprovalsRoute } from './routes/persetujuan';
import { JpReportRoute } from './routes/laporan-jp';
import { CoursePreviewRoute } from './routes/kursus-pratinjau';
import { AdminLayout } from './routes/layout';
import { WorkloadRoute } from './routes/abk';
import { NeedsAnalysisRoute } from './routes/kompetensi-analisis';
import { DictionaryRoute } from './routes/kompetensi-kamus';
import { AssessmentsRoute } from './routes/kompetensi-penilaian';
import { CompetencySettingsRoute } from './routes/kompetensi-pengaturan';
import { StandardsRoute } from './routes/kompetensi-standar';
import { LoginRoute } from './routes/login';
import { NotFoundRoute } from './routes/not-found';
import { UsersRoute } from './routes/pegawai';
import { UserImportRoute } from './routes/pegawai-impor';
import { DevelopmentPlanRoute } from './routes/rencana-pengembangan';
import { RequireRoleRoute } from './routes/require-auth';
import { CertificatesRoute } from './routes/sertifikat';
import { CertificateJobRoute } from './routes/sertifikat-tugas';
import { CertificateNumberingRoute } from './routes/sertifikat-penomoran';
import { CertificateTemplateRoute } from './routes/sertifikat-templat-detail';
import { CertificateTemplatesRoute } from './routes/sertifikat-templat';
import { IssueCertificatesRoute } from './routes/sertifikat-terbitkan';
import { ChangePasswordRoute } from './routes/ubah-kata-sandi';
import { UnitsRoute } from './routes/unit-kerja';

/**
 * The portal asks for PORTAL_ROLES; each group of pages nests its own guard. Instructors reach only
 * the course pages (their home redirects there); admins reach everything.
 */
export const router = createBrowserRouter(
  [
    { path: '/login', element: <LoginRoute /> },
    {
      element: <RequireRoleRoute />,
      children: [{ path: '/ubah-kata-sandi', element: <ChangePasswordRoute /> }],
    },
    {
      element: <RequireRoleRoute roles={PORTAL_ROLES} />,
      children: [
        {
          element: <AdminLayout />,
          children: [
            { index: true, element: <HomeRoute /> },
            { path: '/persetujuan', element: <ApprovalsRoute /> },
            {
              element: <RequireRoleRoute roles={COURSE_ROLES} embedded />,
              children: [
                { path: '/kursus', element: <CoursesRoute /> },
                { path: '/kursus/:courseId', element: <CourseEditorRoute /> },
                { path: '/kursus/:courseId/aktivitas/:activityId', element: <ActivityEditorRoute /> },
                { path: '/kursus/:courseId/pratinjau', element: <CoursePreviewRoute /> },
                { path: '/kursus/:courseId/peserta', element: <CourseParticipantsRoute /> },
                { path: '/kursus/:courseId/angkatan', element: <CourseCohortsRoute /> },
                { path: '/kursus/:courseId/pendaftaran', element: <CourseEnrolmentRoute /> },
                { path: '/kursus/:courseId/sesi', element: <CourseSessionsRoute /> },
                { path: '/presensi/:sessionId', element: <AttendanceRoute /> },
                { path: '/kursus/:courseId/progres', element: <CourseProgressRoute /> },
                { path: '/kursus/:courseId/progres/:userId', element: <LearnerProgressRoute /> },
                { path: '/percobaan/:attemptId', element: <AttemptRoute /> },
              ],
            },
            {
              element: <RequireRoleRoute roles={PLATFORM_ROLES} embedded />,
              children: [{ path: '/instansi', element: <AgenciesRoute /> }],
            },
            {
              element: <RequireRoleRoute roles={AGENCY_ADMIN_ROLES} embedded />,
              children: [
                { path: '/unit-kerja', element: <UnitsRoute /> },
                { path: '/jabatan', element: <PositionsRoute /> },
                { path: '/pegawai', element: <UsersRoute /> },
                { path: '/pegawai/impor', element: <UserImportRoute /> },
                { path: '/sertifikat', element: <CertificatesRoute /> },
                { path: '/sertifikat/templat', element: <CertificateTemplatesRoute /> },
                { path: '/sertifikat/templat/:templateId', element: <CertificateTemplateRoute /> },
                { path: '/sertifikat/terbitkan', element: <IssueCertificatesRoute /> },
                { path: '/sertifikat/tugas/:jobId', element: <CertificateJobRoute /> },
                { path: '/sertifikat/penomoran', element: <CertificateNumberingRoute /> },
                { path: '/kompetensi/kamus', element: <DictionaryRoute /> },
                { path: '/kompetensi/standar', element: <StandardsRoute /> },
                { path: '/kompetensi/penilaian', element: <AssessmentsRoute /> },
                { path: '/kompetensi/analisis', element: <NeedsAnalysisRoute /> },
                { path: '/rencana-pengembangan', element: <DevelopmentPlanRoute /> },
                { path: '/abk', element: <WorkloadRoute /> },
                { path: '/kompetensi/pengaturan', element: <CompetencySettingsRoute /> },
                { path: '/kursus/:courseId/peserta/massal', element: <BulkEnrolRoute /> },
                { path: '/laporan/jp', element: <JpReportRoute /> },
              ],
            },
            { path: '*', element: <NotFoundRoute /> },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
