import type { AssessmentResult, AssessmentSource } from '../assessments';
import type { DevelopmentProgram, DevelopmentRoute } from '../development-plan';
import {
  COMPETENCY_LEVELS,
  DEFAULT_LEVEL_NAMES,
  type Competency,
  type CompetencyGroup,
  type CompetencyLevel,
  type CompetencyLevelDefinition,
} from '../dictionary';

/** Test data builders: `aCompetency('T.KES.01').inGroup('teknis').ownedBy('kota-semarang').build()`. */
export function aCompetency(code = 'T.KES.01'): CompetencyBuilder {
  return new CompetencyBuilder(code);
}

export class CompetencyBuilder {
  private value: Competency;

  constructor(code: string) {
    this.value = {
      code,
      name: `Kompetensi ${code}`,
      group: 'teknis',
      agencyId: 'kota-semarang',
      levels: COMPETENCY_LEVELS.map((level) => aLevel(level)),
    };
  }

  named(name: string): this {
    this.value.name = name;
    return this;
  }

  inGroup(group: CompetencyGroup): this {
    this.value.group = group;
    if (group !== 'teknis') this.value.agencyId = null;
    return this;
  }

  ownedBy(agencyId: string | null): this {
    this.value.agencyId = agencyId;
    return this;
  }

  withDefinition(definition: string): this {
    this.value.definition = definition;
    return this;
  }

  withoutLevel(level: CompetencyLevel): this {
    this.value.levels = this.value.levels.filter((entry) => entry.level !== level);
    return this;
  }

  withLevel(level: CompetencyLevelDefinition): this {
    this.value.levels = [...this.value.levels.filter((entry) => entry.level !== level.level), level];
    return this;
  }

  build(): Competency {
    return { ...this.value, levels: this.value.levels.map((level) => ({ ...level, indicators: [...level.indicators] })) };
  }
}

export function aLevel(level: CompetencyLevel, overrides: Partial<CompetencyLevelDefinition> = {}): CompetencyLevelDefinition {
  return {
    level,
    name: DEFAULT_LEVEL_NAMES[level],
    description: `Deskripsi level ${level}`,
    indicators: [`Indikator ${level}.1`, `Indikator ${level}.2`],
    ...overrides,
  };
}

/** `anAssessment('emp-1', 'M.01', 3).by('supervisor').on('2025-03-01').validUntil('2027-03-01').build()` */
export function anAssessment(employeeId: string, competencyCode: string, level: CompetencyLevel): AssessmentBuilder {
  return new AssessmentBuilder({ employeeId, competencyCode, level, source: 'assessment_centre', assessedOn: '2025-01-15' });
}

export class AssessmentBuilder {
  constructor(private value: AssessmentResult) {}

  by(source: AssessmentSource): this {
    this.value = { ...this.value, source };
    return this;
  }

  on(assessedOn: string): this {
    this.value = { ...this.value, assessedOn };
    return this;
  }

  validUntil(validUntil: string | null): this {
    this.value = { ...this.value, validUntil };
    return this;
  }

  build(): AssessmentResult {
    return { ...this.value };
  }
}

/** `aProgram('p1').for('M.01').targeting('e1', 'e2').withJp(24).costing(15_000_000).build()` */
export function aProgram(id: string): ProgramBuilder {
  return new ProgramBuilder({
    id,
    competencyCode: 'M.01',
    route: 'klasikal',
    form: 'pelatihan',
    provider: 'BPSDM Provinsi Jawa Tengah',
    schedule: { start: '2025-03-03', end: '2025-03-07' },
    targetEmployeeIds: ['e1'],
    jpPerPerson: 20,
    budget: 5_000_000,
  });
}

export class ProgramBuilder {
  constructor(private value: DevelopmentProgram) {}

  for(competencyCode: string): this {
    this.value = { ...this.value, competencyCode };
    return this;
  }

  via(route: DevelopmentRoute, form: string): this {
    this.value = { ...this.value, route, form };
    return this;
  }

  targeting(...targetEmployeeIds: string[]): this {
    this.value = { ...this.value, targetEmployeeIds };
    return this;
  }

  withJp(jpPerPerson: number): this {
    this.value = { ...this.value, jpPerPerson };
    return this;
  }

  costing(budget: number): this {
    this.value = { ...this.value, budget };
    return this;
  }

  scheduled(start: string, end: string): this {
    this.value = { ...this.value, schedule: { start, end } };
    return this;
  }

  build(): DevelopmentProgram {
    return { ...this.value, schedule: { ...this.value.schedule }, targetEmployeeIds: [...this.value.targetEmployeeIds] };
  }
}
