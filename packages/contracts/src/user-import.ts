import { z } from 'zod';
import { ZFieldError } from './errors';

/**
 * CSV import of employees. The first line names the columns; Indonesian or English headers are
 * accepted (see IMPORT_COLUMNS). Separators `,` and `;` are both recognised (Excel in an Indonesian
 * locale writes `;`).
 */
export const IMPORT_COLUMNS = {
  nip: ['nip'],
  name: ['name', 'nama'],
  email: ['email', 'surel'],
  employmentType: ['type', 'employment_type', 'jenis', 'jenis_pegawai', 'status_kepegawaian'],
  unitCode: ['unit_code', 'unit', 'kode_unit'],
  positionCode: ['position_code', 'position', 'kode_jabatan', 'jabatan'],
} as const;
export type TImportColumn = keyof typeof IMPORT_COLUMNS;

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 5000;

export const ZImportUploadFields = z.strictObject({ agencyId: z.uuid().optional() });

export const ZImportRow = z.object({
  /** Line number in the file, counting the header as line 1. */
  line: z.number().int(),
  values: z.object({
    nip: z.string(),
    name: z.string(),
    email: z.string(),
    employmentType: z.string(),
    unitCode: z.string(),
    positionCode: z.string(),
  }),
  status: z.enum(['valid', 'invalid']),
  errors: z.array(ZFieldError),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportPreview = z.object({
  rows: z.array(ZImportRow),
  validCount: z.number().int(),
  invalidCount: z.number().int(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportResult = ZImportPreview.extend({
  created: z.array(
    z.object({
      line: z.number().int(),
      id: z.uuid(),
      nip: z.string(),
      name: z.string(),
      email: z.string(),
      temporaryPassword: z.string(),
    }),
  ),
});
export type TImportResult = z.infer<typeof ZImportResult>;
