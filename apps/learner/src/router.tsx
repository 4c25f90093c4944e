import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuthRoute } from './routes/require-auth';
import { LearnerLayout } from './routes/layout';
import { LoginRoute } from './routes/login';
import { MyLearningRoute } from './routes/pembelajaran';
import { NotFoundRoute } from './routes/not-found';
import { ProfileRoute } from './routes/profil';
import { ChangePasswordRoute } from './routes/ubah-kata-sandi';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginRoute /> },
  {
    element: <RequireAuthRoute />,
    children: [
      { path: '/ubah-kata-sandi', element: <ChangePasswordRoute /> },
      {
        element: <LearnerLayout />,
        children: [
          { index: true, element: <Navigate to="/pembelajaran" replace /> },
          { path: '/pembelajaran', element: <MyLearningRoute /> },
          { path: '/profil', element: <ProfileRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
]);
