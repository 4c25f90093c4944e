import type { DataSource } from 'typeorm';
import type { TAssessmentSource, TPlanStatus } from '@asah/contracts/competency';
import { COMPETENCY_LEVEL_NAMES } from '@asah/contracts/competency';
import type { Agency } from '../../src/modules/agencies/agency.entity';
import { Assessment } from '../../src/modules/competency/assessment.entity';
import { recountEmployees } from '../../src/modules/competency/current-counts';
import { Competency } from '../../src/modules/competency/competency.entity';
import { DevelopmentPlan } from '../../src/modules/competency/development-plan.entity';
import { DevelopmentProgram } from '../../src/modules/competency/development-program.entity';
import type { User } from '../../src/modules/users/user.entity';
import { day } from './builders';

let counter = 0;
const next = () => ++counter;

/** Five levels as the package's rules want them (names per regulation, a description, an indicator). */
export const fiveLevels = (what = 'kompetensi') =>
  ([1, 2, 3, 4, 5] as const).map((level) => ({
    level,
    name: COMPETENCY_LEVEL_NAMES[level],
    description: `Tingkat ${level} ${what}`,
    indicators: [`Menunjukkan ${what} tingkat ${level}`],
  }));

/** A technical competency of the agency (code T.UJI.n unless given). */
export async function aTechnicalCompetency(db: DataSource, agency: Agency, code = `T.UJI.${next()}`): Promise<Competency> {
  return db.getRepository(Competency).save({ agencyId: agency.id, code, name: `Kompetensi Teknis ${code}`, group: 'teknis' as const, definition: null, levels: fiveLevels(code) });
}

/** `anAssessment(db).of(user).in('M.01').level(2).create()`; dated today by a supervisor unless told. */
export function anAssessment(db: DataSource) {
  const props: Partial<Assessment> = { competencyCode: 'M.01', level: 1, source: 'supervisor', assessedOn: day(0), validUntil: null, note: null };
  const builder = {
    of(user: User) { props.userId = user.id; props.agencyId = user.agencyId!; return builder; },
    in(code: string) { props.competencyCode = code; return builder; },
    level(level: number) { props.level = level; return builder; },
    from(source: TAssessmentSource) { props.source = source; return builder; },
    on(date: string) { props.assessedOn = date; return builder; },
    validUntil(date: string | null) { props.validUntil = date; return builder; },
    /** Written as the app writes results: with the needs-analysis counters in the same transaction. */
    async create(): Promise<Assessment> {
      return db.transaction(async (tx) => {
        const saved = await tx.getRepository(Assessment).save(props);
        await recountEmployees(tx, saved.agencyId, [saved.userId]);
        return saved;
      });
    },
  };
  return builder;
}

/** One CSV line per result: `nip,kode_kompetensi,level,sumber,tanggal`. */
export function assessmentCsv(rows: { nip: string | null; code: string; level: string | number; source?: string; date?: string }[]): Buffer {
  const lines = ['nip,kode_kompetensi,level,sumber,tanggal', ...rows.map((r) => [r.nip ?? '', r.code, r.level, r.source ?? 'supervisor', r.date ?? day(-1)].join(','))];
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** A dictionary CSV with one technical competency (five rows, one per level). */
export function dictionaryCsv(code: string, name = `Kompetensi ${code}`): Buffer {
  const lines = ['code,name,group,level,level_name,description,indicators'];
  for (const l of fiveLevels(code)) lines.push([code, name, 'teknis', l.level, l.name, l.description, l.indicators[0]].join(','));
  return Buffer.from(`${lines.join('\n')}\n`);
}

let years = 0;
/** A plan of the agency for a year no other test used (2040 and on). */
export async function aPlan(db: DataSource, agency: Agency, status: TPlanStatus = 'draft'): Promise<DevelopmentPlan> {
  return db.getRepository(DevelopmentPlan).save({ agencyId: agency.id, year: 2040 + ++years, title: `Rencana Uji ${years}`, status });
}

export const aProgramRequest = (overrides: Record<string, unknown> = {}) => ({
  title: 'Pelatihan Integritas',
  competencyCode: 'M.01',
  route: 'klasikal',
  form: 'pelatihan',
  provider: 'BPSDM Provinsi',
  startsOn: day(30),
  endsOn: day(32),
  jpPerPerson: 24,
  budget: 15_000_000,
  targetEmployeeIds: [],
  ...overrides,
});

export async function aProgram(db: DataSource, plan: DevelopmentPlan, targets: User[] = []): Promise<DevelopmentProgram> {
  return db.getRepository(DevelopmentProgram).save({
    planId: plan.id,
    title: 'Pelatihan Integritas',
    competencyCode: 'M.01',
    route: 'klasikal' as const,
    form: 'pelatihan',
    provider: 'BPSDM Provinsi',
    startsOn: day(30),
    endsOn: day(32),
    jpPerPerson: '24',
    budget: '15000000',
    targetEmployeeIds: targets.map((t) => t.id),
  });
}
