import type { TFunctionalLevel, TPositionType } from '@asah/contracts/positions';
import type { TEmploymentType, TRole } from '@asah/contracts/roles';

/** Password of every demo account; printed at start so a newcomer can sign in at once. */
export const DEMO_PASSWORD = 'Asah2026!';

interface DemoUnit { code: string; name: string; parent?: string }
interface DemoPosition { code: string; name: string; type: TPositionType; level?: TFunctionalLevel }
interface DemoUser { name: string; email: string; nip?: string; type?: TEmploymentType; unit?: string; position?: string; roles: TRole[] }
export interface DemoAgency { code: string; name: string; units: DemoUnit[]; positions: DemoPosition[]; users: DemoUser[] }

export const DEMO_PLATFORM_ADMIN = { name: 'Operator Platform Asah', email: 'platform@asah.id' };

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: 'KOTA-SEMARANG',
    name: 'Pemerintah Kota Semarang',
    units: [
      { code: 'SETDA', name: 'Sekretariat Daerah' },
      { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
      { code: 'BKPSDM-PK', name: 'Bidang Pengembangan Kompetensi', parent: 'BKPSDM' },
      { code: 'DINKES', name: 'Dinas Kesehatan' },
      { code: 'DINKES-YANKES', name: 'Bidang Pelayanan Kesehatan', parent: 'DINKES' },
      { code: 'DINKES-P2P', name: 'Bidang Pencegahan dan Pengendalian Penyakit', parent: 'DINKES' },
      { code: 'DISDIK', name: 'Dinas Pendidikan' },
      { code: 'DISDIK-SD', name: 'Bidang Pembinaan Sekolah Dasar', parent: 'DISDIK' },
    ],
    positions: [
      { code: 'SEKDA', name: 'Sekretaris Daerah', type: 'jpt_madya' },
      { code: 'KADIN', name: 'Kepala Dinas', type: 'jpt_pratama' },
      { code: 'KABID', name: 'Kepala Bidang', type: 'administrator' },
      { code: 'KASI', name: 'Kepala Seksi', type: 'pengawas' },
      { code: 'PENGADM', name: 'Pengadministrasi Perkantoran', type: 'pelaksana' },
      { code: 'ANSDMA-MUDA', name: 'Analis SDM Aparatur Ahli Muda', type: 'fungsional', level: 'ahli_muda' },
      { code: 'DOKTER-PERTAMA', name: 'Dokter Ahli Pertama', type: 'fungsional', level: 'ahli_pertama' },
      { code: 'PERAWAT-TERAMPIL', name: 'Perawat Terampil', type: 'fungsional', level: 'terampil' },
      { code: 'GURU-PERTAMA', name: 'Guru Ahli Pertama', type: 'fungsional', level: 'ahli_pertama' },
    ],
    users: [
      { name: 'Rina Wulandari, S.Psi.', email: 'admin@semarangkota.go.id', nip: '198203142006042003', type: 'PNS', unit: 'BKPSDM-PK', position: 'ANSDMA-MUDA', roles: ['agency_admin', 'learner'] },
      { name: 'Dr. Hendra Kusuma, M.Pd.', email: 'instruktur@semarangkota.go.id', nip: '197905212005011002', type: 'PNS', unit: 'BKPSDM-PK', position: 'KABID', roles: ['instructor', 'learner'] },
      { name: 'Budi Santoso, S.Kom.', email: 'budi.santoso@semarangkota.go.id', nip: '198609262015051001', type: 'PNS', unit: 'DINKES-YANKES', position: 'KASI', roles: ['learner'] },
      { name: 'dr. Siti Aminah', email: 'siti.aminah@semarangkota.go.id', nip: '199104172019032002', type: 'PNS', unit: 'DINKES-P2P', position: 'DOKTER-PERTAMA', roles: ['learner'] },
      { name: 'Agus Prasetyo', email: 'agus.prasetyo@semarangkota.go.id', nip: '199308082022211003', type: 'PPPK', unit: 'DISDIK-SD', position: 'GURU-PERTAMA', roles: ['learner'] },
    ],
  },
  {
    code: 'KOTA-AMBON',
    name: 'Pemerintah Kota Ambon',
    units: [
      { code: 'BKPSDM', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia' },
      { code: 'DINKES', name: 'Dinas Kesehatan' },
    ],
    positions: [
      { code: 'KABID', name: 'Kepala Bidang', type: 'administrator' },
      { code: 'PENGADM', name: 'Pengadministrasi Perkantoran', type: 'pelaksana' },
    ],
    users: [
      { name: 'Maria Latuheru, S.E.', email: 'admin@ambon.go.id', nip: '198511302010012004', type: 'PNS', unit: 'BKPSDM', position: 'KABID', roles: ['agency_admin', 'learner'] },
      { name: 'Johanis Pattiasina', email: 'johanis.pattiasina@ambon.go.id', nip: '199002022014031001', type: 'PNS', unit: 'DINKES', position: 'PENGADM', roles: ['learner'] },
      { name: 'Fransina Tuhumury', email: 'fransina.tuhumury@ambon.go.id', nip: '199512122023212005', type: 'PPPK', unit: 'DINKES', position: 'PENGADM', roles: ['learner'] },
    ],
  },
];
