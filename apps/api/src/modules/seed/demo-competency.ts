import type { EntityManager } from 'typeorm';
import { COMPETENCY_LEVEL_NAMES } from '@asah/contracts/competency';
import { jakartaDay, addDays } from '../../common/time/jakarta';
import { recountEmployees } from '../competency/current-counts';

/**
 * The competency pages filled from the first minute: standards for the demo's functional positions
 * (they have no default by type), one technical competency of Dinas Kesehatan, a few assessments so
 * the demo learner (Budi) has gaps, and the demo classroom course tagged with Pelayanan Publik.
 * Budi's M.01 and M.02 are left unassessed on purpose: the competency e2e journey imports them.
 */
const FUNCTIONAL_LEVEL: Record<string, number> = { 'ANSDMA-MUDA': 3, 'DOKTER-PERTAMA': 2, 'GURU-PERTAMA': 2, 'PERAWAT-TERAMPIL': 1 };
const NATIONAL = ['M.01', 'M.02', 'M.03', 'M.04', 'M.05', 'M.06', 'M.07', 'M.08', 'SK.01'];

export const DEMO_TECHNICAL = {
  code: 'T.KES.01',
  name: 'Pelayanan Kesehatan Primer',
  definition: 'Kemampuan memberikan pelayanan kesehatan dasar sesuai standar pelayanan minimal.',
};

export async function seedDemoCompetency(tx: EntityManager, ids: { agencies: Map<string, string>; people: Map<string, string> }): Promise<void> {
  const agencyId = ids.agencies.get('KOTA-SEMARANG');
  if (!agencyId) return;
  const positions: { id: string; code: string }[] = await tx.query(`SELECT id, code FROM positions WHERE agency_id = $1`, [agencyId]);
  const positionId = (code: string) => positions.find((p) => p.code === code)?.id;

  const levels = ([1, 2, 3, 4, 5] as const).map((level) => ({
    level,
    name: COMPETENCY_LEVEL_NAMES[level],
    description: `Tingkat ${COMPETENCY_LEVEL_NAMES[level].toLowerCase()} dalam pelayanan kesehatan primer.`,
    indicators: [
      ['Memahami standar pelayanan minimal kesehatan', 'Menjalankan prosedur pelayanan dasar dengan pendampingan', 'Menjalankan pelayanan dasar secara mandiri', 'Membimbing rekan dalam pelayanan dasar', 'Menyusun kebijakan pelayanan kesehatan primer'][level - 1],
    ],
  }));
  await tx.query(`INSERT INTO competencies (agency_id, code, name, "group", definition, levels) VALUES ($1, $2, $3, 'teknis', $4, $5::jsonb)`, [
    agencyId,
    DEMO_TECHNICAL.code,
    DEMO_TECHNICAL.name,
    DEMO_TECHNICAL.definition,
    JSON.stringify(levels),
  ]);

  const standards: [string, string, number][] = [];
  for (const [code, level] of Object.entries(FUNCTIONAL_LEVEL)) {
    const id = positionId(code);
    if (id) for (const c of NATIONAL) standards.push([id, c, level]);
  }
  const dokter = positionId('DOKTER-PERTAMA');
  const perawat = positionId('PERAWAT-TERAMPIL');
  if (dokter) standards.push([dokter, DEMO_TECHNICAL.code, 3]);
  if (perawat) standards.push([perawat, DEMO_TECHNICAL.code, 2]);
  for (const [position, code, level] of standards) {
    await tx.query(`INSERT INTO position_standards (position_id, competency_code, agency_id, required_level) VALUES ($1, $2, $3, $4)`, [position, code, agencyId, level]);
  }

  const today = jakartaDay();
  const results: [string, string, number, string, number][] = [
    // Budi, Kepala Seksi (pengawas: level 2 required): gaps in Pelayanan Publik and Komunikasi, meets Orientasi pada Hasil.
    ['budi.santoso@semarangkota.go.id', 'M.05', 1, 'assessment_centre', -120],
    ['budi.santoso@semarangkota.go.id', 'M.03', 1, 'supervisor', -60],
    ['budi.santoso@semarangkota.go.id', 'M.04', 2, 'assessment_centre', -120],
    // dr. Siti Aminah: a major gap in the technical competency of her position.
    ['siti.aminah@semarangkota.go.id', DEMO_TECHNICAL.code, 1, 'competency_test', -90],
    ['siti.aminah@semarangkota.go.id', 'M.05', 2, 'assessment_centre', -90],
  ];
  for (const [email, code, level, source, days] of results) {
    const userId = ids.people.get(email);
    if (!userId) continue;
    await tx.query(`INSERT INTO assessments (agency_id, user_id, competency_code, level, source, assessed_on) VALUES ($1, $2, $3, $4, $5, $6)`, [
      agencyId,
      userId,
      code,
      level,
      source,
      addDays(today, days),
    ]);
  }

  await recountEmployees(tx, agencyId, [...ids.people.values()]);

  // The demo classroom course closes Pelayanan Publik gaps: Budi sees it recommended.
  await tx.query(`UPDATE courses SET competencies = $1::jsonb WHERE agency_id = $2 AND code = 'DEMO-PELAYANAN-PRIMA'`, [
    JSON.stringify([{ code: 'M.05', targetLevel: 2 }]),
    agencyId,
  ]);
}
