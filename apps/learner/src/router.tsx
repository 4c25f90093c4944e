import { createBrowserRouter, Navigate } from 'react-router';
import { ActivityRoute } from './routes/aktivitas';
import { CompetencyRoute } from './routes/kompetensi';
import { RequireAuthRoute } from './routes/require-auth';
import { LearnerLayout } from './routes/layout';
import { LoginRoute } from './routes/login';
import { MyLearningRoute } from './routes/pembelajaran';
import { CatalogueRoute } from './routes/katalog';
import { CourseRoute } from './routes/kursus';
import { JpRoute } from './routes/jp';
import { NotificationsRoute } from './routes/notifikasi';
import { DevelopmentLogsRoute } from './routes/pengembangan';
import { ApprovalsRoute } from './routes/persetujuan';
import { CheckInRoute } from './routes/hadir';
import { NotFoundRoute } from './routes/not-found';
import { ProfileRoute } from './routes/profil';
import { MyCertificatesRoute } from './routes/sertifikat';
import { ChangePasswordRoute } from './routes/ubah-kata-sandi';
import { VerifyRoute } from './routes/verify';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute /> },
  // Public: anyone holding a certificate's QR code or link, signed in or not.
  { path: '/verify/:code', element: <VerifyRoute /> },
  {
    element: <RequireAuthRoute />,
    children: [
      { path: '/ubah-kata-sandi', element: <ChangePasswordRoute /> },
      // Full-window SCORM player, outside the portal shell.
      { path: '/kursus/:courseId/aktivitas/:activityId', element: <ActivityRoute /> },
      {
        element: <LearnerLayout />,
        children: [
          { index: true, element: <Navigate to="/pembelajaran" replace /> },
          { path: '/pembelajaran', element: <MyLearningRoute /> },
          { path: '/katalog', element: <CatalogueRoute /> },
          { path: '/kursus/:courseId', element: <CourseRoute /> },
          { path: '/jp', element: <JpRoute /> },
          { path: '/notifikasi', element: <NotificationsRoute /> },
          { path: '/pengembangan', element: <DevelopmentLogsRoute /> },
          { path: '/persetujuan', element: <ApprovalsRoute /> },
          // What a classroom session's QR code encodes (CHECK_IN_PATH): signs in first when needed.
          { path: '/hadir/:sessionId', element: <CheckInRoute /> },
          { path: '/sertifikat', element: <MyCertificatesRoute /> },
          { path: '/profil', element: <ProfileRoute /> },
          { path: '/kompetensi', element: <CompetencyRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
