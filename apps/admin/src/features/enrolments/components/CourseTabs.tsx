import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../enrolments.css';

/** The pages of one course: its editor, then who takes it and how it is delivered. */
export function CourseTabs({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const base = `/kursus/${courseId}`;
  const tabs = [
    { to: base, label: t('courseTabs.editor'), end: true },
    { to: `${base}/peserta`, label: t('courseTabs.participants'), end: false },
    { to: `${base}/angkatan`, label: t('courseTabs.cohorts'), end: false },
    { to: `${base}/pendaftaran`, label: t('courseTabs.enrolment'), end: false },
    { to: `${base}/sesi`, label: t('courseTabs.sessions'), end: false },
    { to: `${base}/progres`, label: t('courseTabs.progress'), end: false },
  ];
  return (
    <nav className="course-tabs" aria-label={t('courseTabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.end} className="course-tab">
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
