import { setupI18n } from '@asah/ui/i18n';
import competencyEn from '../features/competency/locales/en.json';
import competencyId from '../features/competency/locales/id.json';
import en from '../locales/en.json';
import id from '../locales/id.json';

// Feature strings live beside the feature (top-level key `competency`), so busy shared files stay small.
export const i18n = setupI18n({ id: { ...id, ...competencyId }, en: { ...en, ...competencyEn } });
