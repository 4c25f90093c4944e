import { IMPORT_COLUMNS, type TImportColumn, type TImportResult } from '@asah/contracts/user-import';
import { toCsv } from '@asah/ui/download';

/** Header names of the template: the Indonesian alias of each column the API accepts. */
export const TEMPLATE_HEADERS: { [K in TImportColumn]: (typeof IMPORT_COLUMNS)[K][number] } = {
  nip: 'nip',
  name: 'nama',
  email: 'email',
  employmentType: 'jenis',
  unitCode: 'kode_unit',
  positionCode: 'kode_jabatan',
};

export const IMPORT_COLUMN_ORDER: readonly TImportColumn[] = ['nip', 'name', 'email', 'employmentType', 'unitCode', 'positionCode'];

/** A template with one example row; real unit and position codes of the agency when known. */
export function templateCsv(codes: { unitCode?: string; positionCode?: string }): string {
  const example: Record<TImportColumn, string> = {
    nip: '199001012015011001',
    name: 'Contoh Nama Pegawai',
    email: 'contoh.pegawai@instansi.go.id',
    employmentType: 'PNS',
    unitCode: codes.unitCode ?? 'KODE-UNIT',
    positionCode: codes.positionCode ?? 'KODE-JABATAN',
  };
  return toCsv([
    IMPORT_COLUMN_ORDER.map((column) => TEMPLATE_HEADERS[column]),
    IMPORT_COLUMN_ORDER.map((column) => example[column]),
  ]);
}

/** The temporary passwords of the created accounts, to hand out; shown nowhere else. */
export function passwordsCsv(result: TImportResult): string {
  return toCsv([
    ['nip', 'nama', 'email', 'kata_sandi_sementara'],
    ...result.created.map((user) => [user.nip, user.name, user.email, user.temporaryPassword]),
  ]);
}

export function timestampedName(prefix: string): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${prefix}-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.csv`;
}
