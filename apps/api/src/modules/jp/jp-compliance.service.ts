import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TJpComplianceExportQuery, TJpComplianceQuery, TJpComplianceReport, TJpComplianceRow } from '@asah/contracts/jp-ledger';
import { JP_EXPORT_MAX_ROWS } from '@asah/contracts/jp-ledger';
import type { TPositionType } from '@asah/contracts/positions';
import type { TEmploymentType } from '@asah/contracts/roles';
import { Actor } from '../../common/auth/actor';
import { likePattern } from '../../common/db/unique-violation';
import { Params } from '../../common/db/sql';
import { DomainError } from '../../common/errors/domain-error';
import { jakartaYear } from '../../common/time/jakarta';
import { resolveAgency } from '../agencies/agency-scope';
import { JpLedgerService } from './jp-ledger.service';
import { roundJp } from '@asah/competency/jp-ledger';

type Filters = Omit<TJpComplianceQuery, 'page' | 'pageSize'>;

interface ComplianceRecord {
  id: string;
  name: string;
  nip: string | null;
  employment_type: TEmploymentType | null;
  earned: string;
  total: string;
  target: string | null;
  cap: string | null;
  status: TJpComplianceRow['status'];
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
  position_id: string | null;
  position_code: string | null;
  position_name: string | null;
  position_type: TPositionType | null;
}

const SORTS: Record<Filters['sort'], string> = {
  unit: 'un.name ASC NULLS LAST, c.name ASC, c.id',
  name: 'c.name ASC, c.id',
  total: 'c.total ASC, c.name ASC, c.id',
};

/**
 * Who is below their JP target, per unit: every active learner of the agency with the year's JP summed
 * from the ledger, held to the cap and compared with the target of their employment type (the
 * agency's own, else the platform default), all in SQL so filters, counts and pages agree.
 */
@Injectable()
export class JpComplianceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: JpLedgerService,
  ) {}

  async report(actor: Actor, query: TJpComplianceQuery): Promise<TJpComplianceReport> {
    const { sql, params, year } = await this.build(actor, query);
    const filter = this.statusFilter(query.status, params);
    const [counts] = await this.db.query(
      `${sql} SELECT count(*) FILTER (WHERE ${filter})::int AS total, count(*)::int AS employees,
                     count(*) FILTER (WHERE status = 'below')::int AS below, count(*) FILTER (WHERE status = 'met')::int AS met,
                     count(*) FILTER (WHERE status = 'no_target')::int AS no_target
                FROM classified c`,
      params.values,
    );
    const rows: ComplianceRecord[] = await this.db.query(
      `${sql} ${SELECT_ROWS} WHERE ${filter} ORDER BY ${SORTS[query.sort]} LIMIT ${params.add(query.pageSize)} OFFSET ${params.add((query.page - 1) * query.pageSize)}`,
      params.values,
    );
    return {
      year,
      items: rows.map(toRow),
      total: counts.total,
      page: query.page,
      pageSize: query.pageSize,
      summary: { employees: counts.employees, below: counts.below, met: counts.met, noTarget: counts.no_target },
    };
  }

  /** Every row the filters match (for the CSV / XLSX export), refused beyond JP_EXPORT_MAX_ROWS. */
  async allRows(actor: Actor, query: TJpComplianceExportQuery): Promise<{ year: number; rows: TJpComplianceRow[] }> {
    const { sql, params, year } = await this.build(actor, query);
    const filter = this.statusFilter(query.status, params);
    const rows: ComplianceRecord[] = await this.db.query(`${sql} ${SELECT_ROWS} WHERE ${filter} ORDER BY ${SORTS[query.sort]} LIMIT ${params.add(JP_EXPORT_MAX_ROWS + 1)}`, params.values);
    if (rows.length > JP_EXPORT_MAX_ROWS) {
      throw new DomainError('VALIDATION_FAILED', `More than ${JP_EXPORT_MAX_ROWS} rows; narrow the report by unit or status`, [
        { field: 'unitId', code: 'TOO_MANY_ROWS', message: `More than ${JP_EXPORT_MAX_ROWS} rows; narrow the report` },
      ]);
    }
    return { year, rows: rows.map(toRow) };
  }

  private statusFilter(status: Filters['status'], params: Params): string {
    return status === 'all' ? 'true' : `c.status = ${params.add(status)}`;
  }

  private async build(actor: Actor, query: Filters): Promise<{ sql: string; params: Params; year: number }> {
    const agencyId = await resolveAgency(this.db.manager, actor, query.agencyId);
    const year = query.year ?? jakartaYear();
    const defaults = this.ledger.defaults();
    const p = new Params();
    const agency = p.add(agencyId);
    const where = [`u.agency_id = ${agency}`, 'u.active', `'learner' = ANY(u.roles)`];
    if (query.unitId) {
      const unit = p.add(query.unitId);
      where.push(
        query.includeSubunits
          ? `u.unit_id IN (WITH RECURSIVE sub AS (SELECT id FROM units WHERE id = ${unit} AND agency_id = ${agency}
               UNION ALL SELECT k.id FROM units k JOIN sub ON k.parent_id = sub.id) SELECT id FROM sub)`
          : `u.unit_id = ${unit}`,
      );
    }
    if (query.employmentType) where.push(`u.employment_type = ${p.add(query.employmentType)}`);
    if (query.q) where.push(`(u.name ILIKE ${p.add(likePattern(query.q))} OR u.nip LIKE ${p.add(likePattern(query.q.replace(/\s/g, '')))})`);
    const sql = `
      WITH scope AS (
        SELECT u.id, u.name, u.nip, u.employment_type, u.unit_id, u.position_id FROM users u WHERE ${where.join(' AND ')}
      ), limits AS (
        SELECT d.employment_type,
               CASE WHEN t.agency_id IS NULL THEN d.target ELSE t.target_jp END AS target,
               CASE WHEN t.agency_id IS NULL THEN d.cap ELSE t.cap_jp END AS cap
          FROM (VALUES ('PNS', ${p.add(defaults.PNS.target)}::numeric, ${p.add(defaults.PNS.cap)}::numeric),
                       ('PPPK', ${p.add(defaults.PPPK.target)}::numeric, ${p.add(defaults.PPPK.cap)}::numeric)) AS d(employment_type, target, cap)
          LEFT JOIN jp_targets t ON t.agency_id = ${agency} AND t.employment_type = d.employment_type
      ), earned AS (
        SELECT user_id, sum(jp) AS earned FROM jp_ledger_entries
         WHERE year = ${p.add(year)} AND user_id IN (SELECT id FROM scope) GROUP BY user_id
      ), summed AS (
        SELECT s.*, coalesce(e.earned, 0) AS earned, l.target, l.cap,
               CASE WHEN l.cap IS NULL THEN coalesce(e.earned, 0) ELSE LEAST(coalesce(e.earned, 0), l.cap) END AS total
          FROM scope s LEFT JOIN earned e ON e.user_id = s.id LEFT JOIN limits l ON l.employment_type = s.employment_type
      ), classified AS (
        SELECT m.*, CASE WHEN m.target IS NULL THEN 'no_target' WHEN m.total >= m.target THEN 'met' ELSE 'below' END AS status FROM summed m
      )`;
    return { sql, params: p, year };
  }
}

const SELECT_ROWS = `
  SELECT c.id, c.name, c.nip, c.employment_type, c.earned::text AS earned, c.total::text AS total, c.target::text AS target, c.cap::text AS cap, c.status,
         un.id AS unit_id, un.code AS unit_code, un.name AS unit_name, p.id AS position_id, p.code AS position_code, p.name AS position_name, p.type AS position_type
    FROM classified c LEFT JOIN units un ON un.id = c.unit_id LEFT JOIN positions p ON p.id = c.position_id`;

function toRow(r: ComplianceRecord): TJpComplianceRow {
  const target = r.target === null ? null : Number(r.target);
  const total = Number(r.total);
  return {
    userId: r.id,
    name: r.name,
    nip: r.nip,
    employmentType: r.employment_type,
    unit: r.unit_id ? { id: r.unit_id, code: r.unit_code!, name: r.unit_name! } : null,
    position: r.position_id ? { id: r.position_id, code: r.position_code!, name: r.position_name!, type: r.position_type! } : null,
    earned: Number(r.earned),
    total,
    target,
    cap: r.cap === null ? null : Number(r.cap),
    remaining: target === null ? null : roundJp(Math.max(0, target - total)),
    status: r.status,
  };
}
