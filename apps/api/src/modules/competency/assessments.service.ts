import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  TAssessment,
  TAssessmentImportReport,
  TAssessmentImportRow,
  TAssessmentList,
  TAssessmentSource,
  TCreateAssessmentRequest,
  TFlaggedEvidenceList,
} from '@asah/contracts/competency';
import {
  ASSESSMENT_IMPORT_COLUMNS,
  ASSESSMENT_IMPORT_MAX_ROWS,
  ASSESSMENT_SOURCE_ALIASES,
  ENTERABLE_ASSESSMENT_SOURCES,
} from '@asah/contracts/competency';
import type { TFieldError } from '@asah/contracts/errors';
import { checkNip, normaliseNip } from '@asah/contracts/nip';
import { assessmentHistory, currentResultsByEmployee, flaggedEvidence, validateAssessmentResult, type AssessmentResult } from '@asah/competency/assessments';
import { parseCsv } from '@asah/competency/csv';
import { Actor, isPlatformAdmin } from '../../common/auth/actor';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { jakartaDay } from '../../common/time/jakarta';
import { resolveAgency } from '../agencies/agency-scope';
import { ASSESSMENT_COLUMNS, AssessmentRecord, invalid, levelOptions, loadDictionary, loadSettings, toResult, unknownCompetency } from './competency-context';
import { Assessment } from './assessment.entity';
import { recountEmployees } from './current-counts';

type Column = keyof typeof ASSESSMENT_IMPORT_COLUMNS;
const REQUIRED: Column[] = ['nip', 'competencyCode', 'level', 'source', 'assessedOn'];
const badFile = (message: string, details?: unknown) => new DomainError('IMPORT_INVALID_FILE', message, details);

interface Checked extends TAssessmentImportRow {
  write?: { userId: string; competencyCode: string; level: number; source: TAssessmentSource; assessedOn: string; validUntil: string | null };
}

/** Assessment results: admin entry, history per employee, CSV import (all rows or none), flagged evidence. */
@Injectable()
export class AssessmentsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** An employee of the actor's agency (platform admins: any), else 404. */
  async employee(manager: EntityManager, actor: Actor, userId: string): Promise<{ id: string; agency_id: string; name: string; nip: string | null }> {
    const [user] = await manager.query(`SELECT id, agency_id, name, nip FROM users WHERE id = $1 AND agency_id IS NOT NULL`, [userId]);
    if (!user || (!isPlatformAdmin(actor) && user.agency_id !== actor.agencyId)) throw notFound('User');
    return user;
  }

  async history(actor: Actor, userId: string): Promise<TAssessmentList> {
    const user = await this.employee(this.db.manager, actor, userId);
    return { items: await this.historyOf(this.db.manager, user.id, user.agency_id) };
  }

  async historyOf(manager: EntityManager, userId: string, agencyId: string): Promise<TAssessment[]> {
    const settings = await loadSettings(manager, agencyId);
    const dictionary = await loadDictionary(manager, agencyId);
    const rows: (AssessmentRecord & { note: string | null; course_id: string | null; course_code: string | null; course_title: string | null; recorder_id: string | null; recorder_name: string | null; created_at: Date })[] =
      await manager.query(
        `SELECT a.id, a.user_id, a.competency_code, a.level, a.source, a.assessed_on::text AS assessed_on, a.valid_until::text AS valid_until,
                a.note, a.created_at, c.id AS course_id, c.code AS course_code, c.title AS course_title, r.id AS recorder_id, r.name AS recorder_name
           FROM assessments a LEFT JOIN courses c ON c.id = a.course_id LEFT JOIN users r ON r.id = a.recorded_by
          WHERE a.user_id = $1`,
        [userId],
      );
    const results = rows.map(toResult);
    const byResult = new Map(results.map((r, i) => [r as AssessmentResult, rows[i]]));
    return assessmentHistory(results, userId, levelOptions(settings)).map(({ result, status }) => {
      const r = byResult.get(result)!;
      return {
        id: r.id,
        userId: r.user_id,
        competencyCode: r.competency_code,
        competencyName: dictionary.byCode.get(r.competency_code)?.name ?? null,
        level: r.level,
        source: r.source,
        assessedOn: r.assessed_on,
        validUntil: r.valid_until,
        note: r.note,
        course: r.course_id ? { id: r.course_id, code: r.course_code!, title: r.course_title! } : null,
        recordedBy: r.recorder_id ? { id: r.recorder_id, name: r.recorder_name! } : null,
        status,
        createdAt: new Date(r.created_at).toISOString(),
      };
    });
  }

  async create(actor: Actor, input: TCreateAssessmentRequest): Promise<TAssessment> {
    const user = await this.employee(this.db.manager, actor, input.userId);
    const dictionary = await loadDictionary(this.db.manager, user.agency_id);
    const code = input.competencyCode.toUpperCase();
    if (!dictionary.byCode.has(code)) throw unknownCompetency('competencyCode', input.competencyCode);
    const problems = validateAssessmentResult(
      { employeeId: user.id, competencyCode: code, level: input.level as never, source: input.source, assessedOn: input.assessedOn, validUntil: input.validUntil ?? null },
      { today: jakartaDay() },
    );
    if (problems.length) throw invalid(problems.map((p) => ({ field: p.field === 'employeeId' ? 'userId' : p.field, code: p.code, message: p.message })));
    // The result and the needs-analysis counters change together (current-counts.ts).
    const saved = await this.db.transaction(async (tx) => {
      const row = await tx.getRepository(Assessment).save({
        agencyId: user.agency_id,
        userId: user.id,
        competencyCode: code,
        level: input.level,
        source: input.source,
        assessedOn: input.assessedOn,
        validUntil: input.validUntil ?? null,
        note: input.note ?? null,
        recordedBy: actor.userId,
      });
      await recountEmployees(tx, user.agency_id, [user.id]);
      return row;
    });
    return (await this.historyOf(this.db.manager, user.id, user.agency_id)).find((a) => a.id === saved.id)!;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const row = await this.db.manager.findOneBy(Assessment, { id });
    if (!row || (!isPlatformAdmin(actor) && row.agencyId !== actor.agencyId)) throw notFound('Assessment');
    await this.db.transaction(async (tx) => {
      await tx.delete(Assessment, { id });
      await recountEmployees(tx, row.agencyId, [row.userId]);
    });
  }

  /** Course evidence above the current level (agencies whose rule is flag_only): to schedule reassessments. */
  async flagged(actor: Actor, requestedAgency: string | undefined): Promise<TFlaggedEvidenceList> {
    const agencyId = await resolveAgency(this.db.manager, actor, requestedAgency);
    const settings = await loadSettings(this.db.manager, agencyId);
    if (settings.evidenceRule === 'raise_level') return { items: [] };
    const rows: AssessmentRecord[] = await this.db.query(
      `SELECT ${ASSESSMENT_COLUMNS} FROM assessments a
        WHERE agency_id = $1 AND EXISTS (SELECT 1 FROM assessments e WHERE e.user_id = a.user_id AND e.competency_code = a.competency_code AND e.source = 'course_evidence')`,
      [agencyId],
    );
    const flagged = flaggedEvidence(rows.map(toResult), levelOptions(settings));
    if (!flagged.length) return { items: [] };
    const options = levelOptions(settings);
    const current = currentResultsByEmployee(rows.map(toResult), options);
    const ids = flagged.map((f) => (f as AssessmentResult & { id: string }).id);
    const details: { id: string; user_id: string; name: string; nip: string | null; course_id: string | null; code: string | null; title: string | null }[] = await this.db.query(
      `SELECT a.id, u.id AS user_id, u.name, u.nip, c.id AS course_id, c.code, c.title
         FROM assessments a JOIN users u ON u.id = a.user_id LEFT JOIN courses c ON c.id = a.course_id WHERE a.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(details.map((d) => [d.id, d]));
    return {
      items: flagged.map((f) => {
        const d = byId.get((f as AssessmentResult & { id: string }).id)!;
        return {
          assessmentId: d.id,
          employee: { id: d.user_id, name: d.name, nip: d.nip },
          competencyCode: f.competencyCode,
          evidenceLevel: f.level,
          currentLevel: current.get(f.employeeId)?.get(f.competencyCode)?.level ?? null,
          course: d.course_id ? { id: d.course_id, code: d.code!, title: d.title! } : null,
          assessedOn: f.assessedOn,
        };
      }),
    };
  }

  // ---- CSV import ----

  async importCsv(actor: Actor, requestedAgency: string | undefined, file: Buffer, commit: boolean): Promise<TAssessmentImportReport> {
    const agencyId = await resolveAgency(this.db.manager, actor, requestedAgency);
    const records = readCsv(file);
    const work = async (tx: EntityManager): Promise<TAssessmentImportReport> => {
      const rows = await this.check(tx, agencyId, records);
      const validCount = rows.filter((r) => r.status === 'valid').length;
      const report = { rows: rows.map(({ write: _w, ...r }) => r), validCount, invalidCount: rows.length - validCount, created: 0, committed: false };
      if (!commit || report.invalidCount > 0) return report;
      const writes = rows.map((r) => r.write!);
      for (let i = 0; i < writes.length; i += 1000) {
        await tx.insert(
          Assessment,
          writes.slice(i, i + 1000).map((w) => ({ agencyId, ...w, recordedBy: actor.userId, note: null })),
        );
      }
      await recountEmployees(tx, agencyId, writes.map((w) => w.userId));
      return { ...report, created: writes.length, committed: true };
    };
    return commit ? this.db.transaction(work) : work(this.db.manager);
  }

  private async check(tx: EntityManager, agencyId: string, records: { line: number; values: Record<Column, string> }[]): Promise<Checked[]> {
    const dictionary = await loadDictionary(tx, agencyId);
    const nips = [...new Set(records.map((r) => normaliseNip(r.values.nip)).filter((n) => checkNip(n).ok))];
    const people: { id: string; nip: string; name: string }[] = nips.length
      ? await tx.query(`SELECT id, nip, name FROM users WHERE agency_id = $1 AND nip = ANY($2)`, [agencyId, nips])
      : [];
    const byNip = new Map(people.map((p) => [p.nip, p]));
    const today = jakartaDay();
    const seen = new Map<string, number>();
    return records.map(({ line, values }) => {
      const errors: TFieldError[] = [];
      const add = (field: string, code: string, message: string) => errors.push({ field, code, message });
      const nip = normaliseNip(values.nip);
      const nipCheck = checkNip(nip);
      const person = nipCheck.ok ? byNip.get(nip) : undefined;
      if (!values.nip.trim()) add('nip', 'REQUIRED', 'NIP is required');
      else if (!nipCheck.ok) add('nip', 'NIP_INVALID', 'Not a valid 18-digit NIP');
      else if (!person) add('nip', 'NIP_UNKNOWN', 'No employee of this agency has this NIP');
      const code = values.competencyCode.trim().toUpperCase();
      if (!code) add('competencyCode', 'REQUIRED', 'Competency code is required');
      else if (!dictionary.byCode.has(code)) add('competencyCode', 'COMPETENCY_UNKNOWN', `${code} is not in the agency's dictionary`);
      const levelText = values.level.trim();
      const level = /^\d+$/.test(levelText) ? Number(levelText) : NaN;
      const sourceText = values.source.trim().toLowerCase().replace(/[\s-]+/g, '_');
      const source = (ASSESSMENT_SOURCE_ALIASES[sourceText] ?? sourceText) as TAssessmentSource;
      const assessedOn = toIsoDay(values.assessedOn);
      const validUntil = values.validUntil.trim() ? toIsoDay(values.validUntil) : null;
      const problems = validateAssessmentResult(
        { employeeId: person?.id ?? 'x', competencyCode: code, level: level as never, source, assessedOn, validUntil },
        { today },
      );
      for (const p of problems) {
        if (p.code === 'LEVEL_INVALID') add('level', p.code, 'Level must be a whole number from 1 to 5');
        else if (p.code === 'SOURCE_INVALID') continue;
        else add(p.field, p.code, p.message);
      }
      if (!(ENTERABLE_ASSESSMENT_SOURCES as readonly string[]).includes(source)) {
        add('source', 'SOURCE_INVALID', `Source must be one of ${ENTERABLE_ASSESSMENT_SOURCES.join(', ')}`);
      }
      if (person && code && errors.length === 0) {
        const key = `${person.id}|${code}|${assessedOn}|${source}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) add('nip', 'DUPLICATE', `Same employee, competency, date and source as line ${earlier}`);
        else seen.set(key, line);
      }
      const row: Checked = {
        line,
        values,
        status: errors.length ? 'invalid' : 'valid',
        errors,
        employee: person ? { id: person.id, name: person.name } : null,
      };
      if (!errors.length) row.write = { userId: person!.id, competencyCode: code, level, source, assessedOn, validUntil };
      return row;
    });
  }
}

/** `YYYY-MM-DD` as is; `DD/MM/YYYY` and `DD-MM-YYYY` (how Indonesian spreadsheets write dates) converted. */
function toIsoDay(value: string): string {
  const v = value.trim();
  const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : v;
}

function readCsv(file: Buffer): { line: number; values: Record<Column, string> }[] {
  const text = file.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) throw badFile('The file is not UTF-8 text; save it as CSV (UTF-8)');
  const parsed = parseCsv(text);
  if (parsed.problems.length) {
    throw badFile(`The file is not valid CSV (line ${parsed.problems[0].line}): ${parsed.problems[0].message}`, parsed.problems.map((p) => ({ field: 'file', code: p.code, message: `Line ${p.line}: ${p.message}` })));
  }
  const [header, ...body] = parsed.records;
  if (!header) throw badFile('The file is empty');
  const names = header.fields.map((h) => h.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  const index = {} as Record<Column, number>;
  for (const column of Object.keys(ASSESSMENT_IMPORT_COLUMNS) as Column[]) {
    index[column] = names.findIndex((n) => (ASSESSMENT_IMPORT_COLUMNS[column] as readonly string[]).includes(n));
  }
  const missing = REQUIRED.filter((c) => index[c] === -1);
  if (missing.length) {
    throw badFile(`Missing columns: ${missing.map((c) => ASSESSMENT_IMPORT_COLUMNS[c][0]).join(', ')}`, missing.map((c) => ({ field: c, code: 'COLUMN_MISSING', message: `Add a column ${ASSESSMENT_IMPORT_COLUMNS[c][0]}` })));
  }
  const rows = body.filter((r) => r.fields.some((f) => f.trim()));
  if (rows.length === 0) throw badFile('The file has a header but no rows');
  if (rows.length > ASSESSMENT_IMPORT_MAX_ROWS) throw badFile(`At most ${ASSESSMENT_IMPORT_MAX_ROWS} rows per file`, { rows: rows.length, max: ASSESSMENT_IMPORT_MAX_ROWS });
  return rows.map((r) => {
    const get = (c: Column) => (index[c] === -1 ? '' : (r.fields[index[c]] ?? ''));
    return {
      line: r.line,
      values: { nip: get('nip'), competencyCode: get('competencyCode'), level: get('level'), source: get('source'), assessedOn: get('assessedOn'), validUntil: get('validUntil') },
    };
  });
}
