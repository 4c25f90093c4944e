import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type {
  TCompetency,
  TCompetencyList,
  TCompetencyListQuery,
  TCreateCompetencyRequest,
  TDictionaryExportQuery,
  TDictionaryImportProblem,
  TDictionaryImportReport,
  TUpdateCompetencyRequest,
} from '@asah/contracts/competency';
import { validateCompetency, type Competency as RuleCompetency } from '@asah/competency/dictionary';
import { exportDictionaryCsv, exportDictionaryJson, importDictionaryCsv, importDictionaryJson } from '@asah/competency/dictionary-io';
import { NATIONAL_DICTIONARY } from '@asah/competency/national-dictionary';
import { Actor, isPlatformAdmin, scopeAgency } from '../../common/auth/actor';
import { uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { resolveAgency } from '../agencies/agency-scope';
import { compareCompetencies, invalid, loadDictionary, toRule } from './competency-context';
import { Competency } from './competency.entity';
import { backfillJpYearTotals } from './current-counts';

/**
 * The national dictionary is written at boot (not by a migration: its texts are data the package
 * owns and may improve, and every fresh database must have it whatever the seed setting). Rows that
 * exist are left alone, so a platform admin's edits survive restarts.
 */
export async function seedNationalDictionary(manager: EntityManager): Promise<number> {
  let inserted = 0;
  for (const c of NATIONAL_DICTIONARY) {
    const rows = await manager.query(
      `INSERT INTO competencies (agency_id, code, name, "group", definition, levels)
       VALUES (NULL, $1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (code) WHERE agency_id IS NULL DO NOTHING RETURNING id`,
      [c.code, c.name, c.group, c.definition ?? null, JSON.stringify(c.levels)],
    );
    inserted += rows.length;
  }
  return inserted;
}

@Injectable()
export class NationalDictionarySeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Competency');
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const inserted = await seedNationalDictionary(this.db.manager);
      if (inserted) this.logger.log(`national competency dictionary: ${inserted} competencies written`);
    } catch (error) {
      // Without migrations applied (MIGRATE_ON_START=false on a new database) the table is missing: say so, keep serving.
      this.logger.warn({ err: error }, 'could not write the national competency dictionary; it is written at the next start');
    }
    try {
      const totals = await backfillJpYearTotals(this.db.manager);
      if (totals) this.logger.log(`JP year totals: ${totals} written from the ledger`);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not write the JP year totals from the ledger; they are written at the next start');
    }
  }
}

function view(row: Competency, actor: Actor, nationalCodes: Set<string>): TCompetency {
  const editable = row.agencyId === null ? true : isPlatformAdmin(actor) || row.agencyId === actor.agencyId;
  return {
    id: row.id,
    agencyId: row.agencyId,
    code: row.code,
    name: row.name,
    group: row.group,
    definition: row.definition,
    levels: [...row.levels].sort((a, b) => a.level - b.level),
    overridesNational: row.agencyId !== null && nationalCodes.has(row.code),
    editable: editable && (actor.roles.includes('agency_admin') || isPlatformAdmin(actor)),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const problemsOf = (rule: RuleCompetency) =>
  validateCompetency(rule).map((p) => ({
    field: p.level ? `levels.${p.levelIndex ?? 0}.${p.field}` : p.field,
    code: p.code,
    message: p.message,
  }));

/** Dictionary CRUD, export and import (CSV / JSON through @asah/competency/dictionary-io). */
@Injectable()
export class DictionaryService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Actor, query: TCompetencyListQuery): Promise<TCompetencyList> {
    const agencyId = scopeAgency(actor, query.agencyId);
    if (agencyId && isPlatformAdmin(actor)) await resolveAgency(this.db.manager, actor, agencyId);
    const rows = agencyId
      ? (await loadDictionary(this.db.manager, agencyId)).rows
      : (await this.db.getRepository(Competency).createQueryBuilder('c').where('c.agency_id IS NULL').getMany()).sort(compareCompetencies);
    const national = await this.nationalCodes();
    const q = query.q?.toLowerCase();
    return {
      items: rows
        .filter((r) => (!query.group || r.group === query.group) && (!q || r.code.toLowerCase().includes(q) || r.name.toLowerCase().includes(q)))
        .map((r) => view(r, actor, national)),
    };
  }

  async get(actor: Actor, id: string): Promise<TCompetency> {
    const row = await this.db.manager.findOneBy(Competency, { id });
    if (!row || (row.agencyId !== null && !isPlatformAdmin(actor) && row.agencyId !== actor.agencyId)) throw notFound('Competency');
    return view(row, actor, await this.nationalCodes());
  }

  async create(actor: Actor, input: TCreateCompetencyRequest): Promise<TCompetency> {
    const agencyId = await resolveAgency(this.db.manager, actor, input.agencyId);
    const code = input.code.trim().toUpperCase();
    const rule: RuleCompetency = { code, name: input.name, group: 'teknis', definition: input.definition ?? undefined, agencyId, levels: input.levels as RuleCompetency['levels'] };
    const problems = problemsOf(rule);
    if (problems.length) throw invalid(problems);
    try {
      const saved = await this.db.getRepository(Competency).save({ agencyId, code, name: input.name, group: 'teknis' as const, definition: input.definition ?? null, levels: rule.levels });
      return this.get(actor, saved.id);
    } catch (error) {
      if (uniqueViolation(error)) throw new DomainError('CODE_TAKEN', `${code} is already in the dictionary`, [{ field: 'code', code: 'CODE_TAKEN', message: 'This code is already used' }]);
      throw error;
    }
  }

  /**
   * Agency admins editing a national competency get their agency's own copy (same code), which
   * replaces the national text for their agency only; platform admins edit the national row.
   */
  async update(actor: Actor, id: string, input: TUpdateCompetencyRequest): Promise<TCompetency> {
    const row = await this.db.manager.findOneBy(Competency, { id });
    if (!row || (row.agencyId !== null && !isPlatformAdmin(actor) && row.agencyId !== actor.agencyId)) throw notFound('Competency');
    const next = {
      name: input.name ?? row.name,
      definition: input.definition === undefined ? row.definition : input.definition,
      levels: (input.levels ?? row.levels) as RuleCompetency['levels'],
    };
    const copy = row.agencyId === null && !isPlatformAdmin(actor);
    const agencyId = copy ? scopeAgency(actor, undefined, true) : row.agencyId;
    const problems = problemsOf({ code: row.code, group: row.group, agencyId, name: next.name, definition: next.definition ?? undefined, levels: next.levels });
    if (problems.length) throw invalid(problems);
    if (!copy) {
      await this.db.getRepository(Competency).update({ id }, next);
      return this.get(actor, id);
    }
    const saved = await this.db.transaction(async (tx) => {
      const existing = await tx.findOneBy(Competency, { agencyId: agencyId!, code: row.code });
      if (existing) {
        await tx.update(Competency, { id: existing.id }, next);
        return existing.id;
      }
      return (await tx.save(Competency, { agencyId, code: row.code, group: row.group, ...next })).id;
    });
    return this.get(actor, saved);
  }

  /** Agency rows only; a technical competency still in use is kept (standards, assessments, programs). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const row = await tx.findOneBy(Competency, { id });
      if (!row || (row.agencyId !== null && !isPlatformAdmin(actor) && row.agencyId !== actor.agencyId)) throw notFound('Competency');
      if (row.agencyId === null) throw new DomainError('COMPETENCY_READ_ONLY', 'National competencies cannot be deleted');
      const national = await tx.query(`SELECT 1 FROM competencies WHERE agency_id IS NULL AND code = $1`, [row.code]);
      if (!national.length) {
        const [use] = await tx.query(
          `SELECT (SELECT count(*) FROM position_standards WHERE agency_id = $1 AND competency_code = $2)::int
                + (SELECT count(*) FROM assessments WHERE agency_id = $1 AND competency_code = $2)::int
                + (SELECT count(*) FROM development_programs p JOIN development_plans d ON d.id = p.plan_id WHERE d.agency_id = $1 AND p.competency_code = $2)::int AS n`,
          [row.agencyId, row.code],
        );
        if (use.n > 0) throw new DomainError('COMPETENCY_IN_USE', `${row.code} is used by standards, assessments or plan programs`);
      }
      await tx.delete(Competency, { id });
    });
  }

  async export(actor: Actor, query: TDictionaryExportQuery): Promise<{ body: Buffer; filename: string; type: string }> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId);
    const dictionary = await loadDictionary(this.db.manager, agencyId);
    const rows = query.includeNational ? dictionary.rows : dictionary.rows.filter((r) => r.agencyId !== null);
    const rules = rows.map(toRule);
    if (query.format === 'json') {
      return { body: Buffer.from(exportDictionaryJson(rules)), filename: 'kamus-kompetensi.json', type: 'application/json; charset=utf-8' };
    }
    return { body: Buffer.from(exportDictionaryCsv(rules, { bom: true })), filename: 'kamus-kompetensi.csv', type: 'text/csv; charset=utf-8' };
  }

  async importFile(actor: Actor, requestedAgency: string | undefined, file: { buffer: Buffer; originalname?: string }, commit: boolean): Promise<TDictionaryImportReport> {
    const agencyId = await resolveAgency(this.db.manager, actor, requestedAgency);
    const text = file.buffer.toString('utf8');
    const trimmed = text.replace(/^\uFEFF/, '').trimStart();
    const format = file.originalname?.toLowerCase().endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[') ? 'json' : 'csv';
    const parsed = format === 'json' ? importDictionaryJson(text, { agencyId }) : importDictionaryCsv(text, { agencyId });
    const problems: TDictionaryImportProblem[] = parsed.problems.map((p) => ({
      code: p.code,
      message: p.message,
      competencyCode: p.competencyCode,
      field: p.path ?? p.field,
      line: p.line,
      level: p.level ?? null,
    }));
    const work = async (tx: EntityManager): Promise<TDictionaryImportReport> => {
      const dictionary = await loadDictionary(tx, agencyId);
      const nationalRows = await tx.query(`SELECT code, name, definition, levels FROM competencies WHERE agency_id IS NULL`);
      const national = new Map<string, { name: string; definition: string | null; levels: unknown }>(nationalRows.map((r: { code: string }) => [r.code, r]));
      const writes: { rule: RuleCompetency; action: 'create' | 'update' }[] = [];
      for (const c of parsed.competencies) {
        if (c.group !== 'teknis') {
          const n = national.get(c.code);
          if (!n) {
            problems.push({ code: 'NATIONAL_UNKNOWN', message: `${c.code} is not a national competency; agencies add technical ones (group teknis)`, competencyCode: c.code, field: 'code', line: null, level: null });
            continue;
          }
          const same = n.name === c.name && (n.definition ?? undefined) === c.definition && JSON.stringify(sortLevels(n.levels as never)) === JSON.stringify(sortLevels(c.levels));
          const own = dictionary.byCode.get(c.code);
          // The national text unchanged (e.g. re-importing an export): nothing to copy.
          if (same && (!own || own.agencyId === null)) continue;
        }
        const own = dictionary.byCode.get(c.code);
        writes.push({ rule: { ...c, agencyId }, action: own && own.agencyId !== null ? 'update' : 'create' });
      }
      const report: TDictionaryImportReport = {
        format,
        competencies: writes.map((w) => ({ code: w.rule.code, name: w.rule.name, group: w.rule.group, action: w.action })),
        problems,
        committed: false,
      };
      if (!commit || problems.length) return report;
      for (const w of writes) {
        const values = { name: w.rule.name, definition: w.rule.definition ?? null, levels: sortLevels(w.rule.levels), group: w.rule.group };
        if (w.action === 'update') await tx.update(Competency, { agencyId, code: w.rule.code }, values);
        else await tx.insert(Competency, { agencyId, code: w.rule.code, ...values });
      }
      return { ...report, committed: true };
    };
    return commit ? this.db.transaction(work) : work(this.db.manager);
  }

  private async nationalCodes(): Promise<Set<string>> {
    const rows: { code: string }[] = await this.db.query(`SELECT code FROM competencies WHERE agency_id IS NULL`);
    return new Set(rows.map((r) => r.code));
  }
}

function sortLevels<T extends { level: number; name: string; description: string; indicators: string[] }>(levels: T[]) {
  return [...levels].sort((a, b) => a.level - b.level).map((l) => ({ level: l.level, name: l.name, description: l.description, indicators: [...l.indicators] }));
}
