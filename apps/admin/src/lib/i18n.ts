import { setupI18n } from '@asah/ui/i18n';
import en from '../locales/en.json';
import id from '../locales/id.json';

export const i18n = setupI18n({ id, en });
