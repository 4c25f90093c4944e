import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, EntityManager, In } from 'typeorm';
import type { TFieldError } from '@asah/contracts/errors';
import { checkNip, normaliseNip } from '@asah/contracts/nip';
import { EMPLOYMENT_TYPES, TEmploymentType } from '@asah/contracts/roles';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, TImportColumn, TImportPreview, TImportResult, TImportRow } from '@asah/contracts/user-import';
import { ZEmail } from '@asah/contracts/users';
import { Actor } from '../../common/auth/actor';
import { DomainError } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords';
import { Position } from '../positions/position.entity';
import { Unit } from '../units/unit.entity';
import { userConflict } from './users.service';
import { User } from './user.entity';

const REQUIRED_COLUMNS: TImportColumn[] = ['nip', 'name', 'email', 'employmentType', 'unitCode'];

interface CheckedRow extends TImportRow {
  resolved?: { nip: string; email: string; employmentType: TEmploymentType; unitId: string; positionId: string | null };
}

const badFile = (message: string, details?: unknown) => new DomainError('IMPORT_INVALID_FILE', message, details);

/**
 * CSV import of employees: preview validates every row without writing; commit validates again
 * inside one transaction and inserts all valid rows, or nothing at all.
 */
@Injectable()
export class UserImportService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async preview(actor: Actor, requestedAgency: string | undefined, file: Buffer): Promise<TImportPreview> {
    const agencyId = await resolveAgency(this.db.manager, actor, requestedAgency);
    return summarise(await this.check(this.db.manager, agencyId, parseCsv(file)));
  }

  async commit(actor: Actor, requestedAgency: string | undefined, file: Buffer): Promise<TImportResult> {
    const agencyId = await resolveAgency(this.db.manager, actor, requestedAgency);
    const records = parseCsv(file);
    try {
      return await this.db.transaction(async (tx) => {
        const rows = await this.check(tx, agencyId, records);
        const valid = rows.filter((r) => r.resolved);
        const passwords = valid.map(() => generateTemporaryPassword());
        const hashes = await Promise.all(passwords.map(hashPassword));
        const created: TImportResult['created'] = [];
        for (let i = 0; i < valid.length; i += 500) {
          const chunk = valid.slice(i, i + 500);
          const inserted = await tx.insert(
            User,
            chunk.map((r, j) => ({
              agencyId,
              nip: r.resolved!.nip,
              name: r.values.name.trim(),
              email: r.resolved!.email,
              employmentType: r.resolved!.employmentType,
              unitId: r.resolved!.unitId,
              positionId: r.resolved!.positionId,
              roles: ['learner' as const],
              passwordHash: hashes[i + j],
              mustChangePassword: true,
            })),
          );
          chunk.forEach((r, j) =>
            created.push({
              line: r.line,
              id: inserted.identifiers[j].id,
              nip: r.resolved!.nip,
              name: r.values.name.trim(),
              email: r.resolved!.email,
              temporaryPassword: passwords[i + j],
            }),
          );
        }
        return { ...summarise(rows), created };
      });
    } catch (error) {
      // Someone registered one of these people between our check and the insert: nothing was written.
      const conflict = userConflict(error);
      if (conflict) throw new DomainError('CONFLICT', 'The data changed during the import; nothing was imported. Preview again.');
      throw error;
    }
  }

  private async check(manager: EntityManager, agencyId: string, records: CsvRecord[]): Promise<CheckedRow[]> {
    const units = new Map((await manager.find(Unit, { where: { agencyId }, select: { id: true, code: true } })).map((u) => [u.code.toLowerCase(), u.id]));
    const positions = new Map((await manager.find(Position, { where: { agencyId }, select: { id: true, code: true } })).map((p) => [p.code.toLowerCase(), p.id]));
    const nips = records.map((r) => normaliseNip(r.values.nip));
    const emails = records.map((r) => r.values.email.trim().toLowerCase());
    const taken = await manager.find(User, {
      where: [{ nip: In(nips.filter(Boolean)) }, { email: In(emails.filter(Boolean)) }],
      select: { nip: true, email: true },
    });
    const takenNips = new Set(taken.map((u) => u.nip));
    const takenEmails = new Set(taken.map((u) => u.email));
    const seenNips = new Set<string>();
    const seenEmails = new Set<string>();

    return records.map(({ line, values }, index) => {
      const errors: TFieldError[] = [];
      const err = (field: string, code: string, message: string) => errors.push({ field, code, message });
      for (const column of REQUIRED_COLUMNS) if (!values[column].trim()) err(column, 'REQUIRED', `${column} is required`);

      const nip = nips[index];
      if (values.nip.trim()) {
        const checked = checkNip(nip);
        if (!checked.ok) err('nip', checked.problem, `Invalid NIP (${checked.problem})`);
        else if (takenNips.has(nip)) err('nip', 'NIP_TAKEN', 'This NIP is already registered');
        else if (seenNips.has(nip)) err('nip', 'NIP_DUPLICATE_IN_FILE', 'This NIP appears earlier in the file');
        seenNips.add(nip);
      }
      const email = emails[index];
      if (email) {
        if (!ZEmail.safeParse(email).success) err('email', 'EMAIL_INVALID', 'Invalid email address');
        else if (takenEmails.has(email)) err('email', 'EMAIL_TAKEN', 'This email is already registered');
        else if (seenEmails.has(email)) err('email', 'EMAIL_DUPLICATE_IN_FILE', 'This email appears earlier in the file');
        seenEmails.add(email);
      }
      const type = values.employmentType.trim().toUpperCase() as TEmploymentType;
      if (values.employmentType.trim() && !EMPLOYMENT_TYPES.includes(type)) err('employmentType', 'EMPLOYMENT_TYPE_INVALID', 'Type must be PNS or PPPK');
      const unitId = units.get(values.unitCode.trim().toLowerCase());
      if (values.unitCode.trim() && !unitId) err('unitCode', 'UNIT_UNKNOWN', `Unknown unit code ${values.unitCode.trim()}`);
      const positionCode = values.positionCode.trim();
      const positionId = positionCode ? positions.get(positionCode.toLowerCase()) : null;
      if (positionCode && !positionId) err('positionCode', 'POSITION_UNKNOWN', `Unknown position code ${positionCode}`);

      const row: CheckedRow = { line, values, status: errors.length ? 'invalid' : 'valid', errors };
      if (!errors.length) row.resolved = { nip, email, employmentType: type, unitId: unitId!, positionId: positionId ?? null };
      return row;
    });
  }
}

function summarise(rows: CheckedRow[]): TImportPreview {
  const clean = rows.map(({ resolved: _resolved, ...row }) => row);
  const validCount = rows.filter((r) => r.status === 'valid').length;
  return { rows: clean, validCount, invalidCount: rows.length - validCount };
}

const headerKey = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

export interface CsvRecord {
  /** Line of the file where the record ends (1 = header). */
  line: number;
  values: Record<TImportColumn, string>;
}

export function parseCsv(file: Buffer): CsvRecord[] {
  const text = file.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) throw badFile('The file is not UTF-8 text; save it as CSV (UTF-8)');
  // The header is the first non-blank line (csv-parse skips blank ones too).
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim()) ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    throw badFile(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw badFile('The file is empty');
  const header = records[0].record.map(headerKey);
  const index = {} as Record<TImportColumn, number>;
  for (const [column, aliases] of Object.entries(IMPORT_COLUMNS) as [TImportColumn, readonly string[]][]) {
    index[column] = header.findIndex((h) => aliases.includes(h));
  }
  const missing = REQUIRED_COLUMNS.filter((c) => index[c] < 0);
  if (missing.length) {
    throw badFile(`Missing columns: ${missing.map((c) => IMPORT_COLUMNS[c][0]).join(', ')}`, {
      missingColumns: missing,
      expected: Object.values(IMPORT_COLUMNS).map((a) => a[0]),
    });
  }
  const body = records.slice(1);
  if (body.length === 0) throw badFile('The file has a header but no rows');
  if (body.length > IMPORT_MAX_ROWS) throw badFile(`At most ${IMPORT_MAX_ROWS} rows per file`, { rows: body.length, max: IMPORT_MAX_ROWS });
  return body.map(({ record: cells, info }) => {
    const values = {} as Record<TImportColumn, string>;
    for (const column of Object.keys(IMPORT_COLUMNS) as TImportColumn[]) values[column] = index[column] >= 0 ? (cells[index[column]] ?? '') : '';
    return { line: info.lines, values };
  });
}
