import { createBrowserRouter, Navigate } from 'react-router';
import { CompetencyRoute } from './routes/kompetensi';
import { RequireAuthRoute } from './routes/require-auth';
import { LearnerLayout } from './routes/layout';
import { LoginRoute } from './routes/login';
import { MyLearningRoute } from './routes/pembelajaran';
import { CatalogueRoute } from './routes/katalog';
import { CourseRoute } from './routes/kursus';
import { JpRoute } from './routes/jp';
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
      {
        element: <LearnerLayout />,
        children: [
          { index: true, element: <Navigate to="/pembelajaran" replace /> },
          { path: '/pembelajaran', element: <MyLearningRoute /> },
          { path: '/katalog', element: <CatalogueRoute /> },
          { path: '/kursus/:courseId', element: <CourseRoute /> },
          { path: '/jp', element: <JpRoute /> },
          { path: '/sertifikat', element: <MyCertificatesRoute /> },
          { path: '/profil', element: <ProfileRoute /> },
          { path: '/kompetensi', element: <CompetencyRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
