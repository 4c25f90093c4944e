import { DEFAULT_LEVEL_NAMES, type Competency, type CompetencyGroup, type CompetencyLevel } from './dictionary';

/**
 * The national dictionary seeded into every agency: the eight managerial competencies M.01–M.08
 * and the socio-cultural competency Perekat Bangsa (Permenpan RB 38/2017). The regulation names
 * the competencies and levels; the descriptions and indicators below are our own short texts,
 * which agencies may edit.
 *
 * The regulation gives Perekat Bangsa no code; we use `SK.01` (SK = sosial kultural), so that a
 * future socio-cultural competency can be `SK.02` and the `SK.` prefix stays reserved for the group.
 */
type LevelText = readonly [description: string, indicators: readonly string[]];

function national(
  code: string,
  name: string,
  group: Exclude<CompetencyGroup, 'teknis'>,
  definition: string,
  levels: readonly [LevelText, LevelText, LevelText, LevelText, LevelText],
): Competency {
  return {
    code,
    name,
    group,
    definition,
    agencyId: null,
    levels: levels.map(([description, indicators], index) => {
      const level = (index + 1) as CompetencyLevel;
      return { level, name: DEFAULT_LEVEL_NAMES[level], description, indicators: [...indicators] };
    }),
  };
}

export const PEREKAT_BANGSA_CODE = 'SK.01';

const DICTIONARY: Competency[] = [
  national(
    'M.01',
    'Integritas',
    'manajerial',
    'Konsisten berperilaku sesuai nilai, norma, dan etika organisasi serta jujur dalam hubungan kerja.',
    [
      [
        'Bertindak sesuai nilai, norma, dan etika organisasi dalam tugas pribadinya.',
        [
          'Menaati kode etik dan peraturan dalam pekerjaan sehari-hari.',
          'Menyampaikan informasi secara jujur dan apa adanya.',
          'Tidak memakai fasilitas kantor untuk kepentingan pribadi.',
        ],
      ],
      [
        'Mengingatkan dan mengajak rekan kerja untuk bertindak sesuai nilai, norma, dan etika organisasi.',
        [
          'Mengingatkan rekan yang berperilaku tidak sesuai kode etik.',
          'Memberi contoh kepatuhan terhadap aturan di lingkungan kerja.',
        ],
      ],
      [
        'Memastikan anggota unit yang dipimpinnya bertindak sesuai nilai, norma, dan etika organisasi.',
        [
          'Menjelaskan kode etik dan akibat pelanggarannya kepada anggota unit.',
          'Memberi penghargaan dan teguran secara konsisten dan adil.',
          'Bersikap transparan dalam mengambil keputusan di unitnya.',
        ],
      ],
      [
        'Membangun budaya kerja yang beretika dan akuntabel di lingkup instansi.',
        [
          'Menerapkan pengendalian gratifikasi dan benturan kepentingan.',
          'Bersikap tegas terhadap pelanggaran walaupun keputusannya tidak populer.',
        ],
      ],
      [
        'Menjadi teladan integritas dan menetapkan kebijakan yang menjamin etika di tingkat instansi atau nasional.',
        [
          'Dijadikan rujukan perilaku etis oleh pegawai di seluruh instansi.',
          'Menetapkan kebijakan yang memperkuat akuntabilitas dan pencegahan korupsi.',
        ],
      ],
    ],
  ),
  national(
    'M.02',
    'Kerjasama',
    'manajerial',
    'Menjalin dan memelihara hubungan kerja yang efektif untuk mencapai tujuan bersama.',
    [
      [
        'Berpartisipasi aktif dalam kerja kelompok sesuai perannya.',
        [
          'Menyelesaikan bagian tugasnya dalam tim tepat waktu.',
          'Berbagi informasi yang relevan dengan anggota tim.',
        ],
      ],
      [
        'Menumbuhkan kerja tim yang partisipatif dan menghargai perbedaan.',
        [
          'Menghargai pendapat dan keahlian anggota tim yang berbeda.',
          'Membantu rekan yang mengalami kesulitan dalam tugas bersama.',
        ],
      ],
      [
        'Membangun kerja sama yang efektif antarunit dan dengan pihak di luar unit.',
        [
          'Berkoordinasi dengan unit lain untuk menyelesaikan pekerjaan lintas bidang.',
          'Menyelesaikan konflik dalam tim secara terbuka dan adil.',
        ],
      ],
      [
        'Membangun komitmen tim dan jejaring kerja sama lintas instansi.',
        [
          'Mendorong sinergi antarunit untuk mencapai sasaran instansi.',
          'Membangun kemitraan dengan instansi lain dan pemangku kepentingan.',
        ],
      ],
      [
        'Menciptakan budaya kolaborasi dan kemitraan strategis di tingkat instansi dan nasional.',
        [
          'Membangun kemitraan strategis dengan lembaga nasional maupun internasional.',
          'Menjadikan kolaborasi lintas sektor sebagai cara kerja instansi.',
        ],
      ],
    ],
  ),
  national(
    'M.03',
    'Komunikasi',
    'manajerial',
    'Menyampaikan informasi dan gagasan secara lisan maupun tertulis dengan jelas serta mendengarkan secara aktif.',
    [
      [
        'Menyampaikan informasi dengan jelas, lengkap, dan mudah dipahami.',
        [
          'Menyampaikan pesan secara runtut dengan bahasa yang baik.',
          'Mendengarkan lawan bicara dan bertanya bila ada yang belum jelas.',
        ],
      ],
      [
        'Menyesuaikan cara berkomunikasi dengan lawan bicara dan situasinya.',
        [
          'Memilih media dan gaya bahasa yang sesuai dengan penerima pesan.',
          'Menyusun naskah dinas yang jelas dan sesuai tata naskah.',
        ],
      ],
      [
        'Berkomunikasi secara persuasif untuk menyamakan pemahaman dan memperoleh dukungan.',
        [
          'Menyajikan data dan argumen untuk meyakinkan pihak lain.',
          'Memfasilitasi diskusi hingga tercapai kesepakatan.',
        ],
      ],
      [
        'Mengelola komunikasi yang kompleks dan sensitif dengan pemangku kepentingan.',
        [
          'Menyampaikan informasi sensitif secara tepat dan menjaga kepercayaan.',
          'Merancang strategi komunikasi untuk program unit atau instansi.',
        ],
      ],
      [
        'Mewakili instansi sebagai komunikator yang andal di forum nasional maupun internasional.',
        [
          'Mewakili instansi dalam negosiasi dan forum strategis.',
          'Menetapkan kebijakan komunikasi publik instansi.',
        ],
      ],
    ],
  ),
  national(
    'M.04',
    'Orientasi pada Hasil',
    'manajerial',
    'Berkomitmen menyelesaikan tugas dengan kualitas terbaik dan terus meningkatkan hasil kerja.',
    [
      [
        'Bertanggung jawab menyelesaikan tugas sesuai standar dan tepat waktu.',
        [
          'Menyelesaikan pekerjaan sesuai target kinerja yang ditetapkan.',
          'Memeriksa kembali hasil kerja sebelum diserahkan.',
        ],
      ],
      [
        'Menetapkan dan berupaya mencapai standar kerja yang lebih tinggi.',
        [
          'Mencari cara kerja yang lebih efisien.',
          'Memantau kemajuan pekerjaannya sendiri terhadap target.',
        ],
      ],
      [
        'Menetapkan target kinerja yang menantang bagi unitnya dan memantau pencapaiannya.',
        [
          'Menjabarkan sasaran unit menjadi target yang terukur.',
          'Mengevaluasi hasil kerja unit dan menindaklanjuti kekurangannya.',
        ],
      ],
      [
        'Mendorong unit kerja mencapai target yang menantang melalui perbaikan berkelanjutan.',
        [
          'Mengarahkan sumber daya pada prioritas yang berdampak besar.',
          'Memperbaiki proses bisnis berdasarkan hasil evaluasi.',
        ],
      ],
      [
        'Menetapkan arah kinerja instansi yang berdampak luas dan berkelanjutan.',
        [
          'Menetapkan sasaran strategis instansi yang selaras dengan prioritas nasional.',
          'Membangun budaya kerja berbasis kinerja di seluruh instansi.',
        ],
      ],
    ],
  ),
  national(
    'M.05',
    'Pelayanan Publik',
    'manajerial',
    'Melaksanakan tugas pelayanan publik secara profesional, transparan, dan sesuai standar pelayanan.',
    [
      [
        'Menjalankan pelayanan sesuai standar operasional prosedur yang berlaku.',
        [
          'Melayani masyarakat dengan ramah, sopan, dan tanpa diskriminasi.',
          'Memberi informasi layanan yang benar dan jelas.',
        ],
      ],
      [
        'Menanggapi kebutuhan dan keluhan pengguna layanan secara tepat.',
        [
          'Menindaklanjuti keluhan pengguna layanan sesuai prosedur.',
          'Menjaga kerahasiaan data pengguna layanan.',
        ],
      ],
      [
        'Memastikan unitnya memberikan pelayanan yang berkualitas dan terukur.',
        [
          'Memantau kualitas layanan melalui survei kepuasan dan pengaduan.',
          'Menyederhanakan prosedur layanan di unitnya.',
        ],
      ],
      [
        'Mengembangkan inovasi dan sistem pelayanan yang berpusat pada pengguna.',
        [
          'Merancang inovasi layanan, misalnya layanan daring terpadu.',
          'Menyelaraskan standar pelayanan antarunit.',
        ],
      ],
      [
        'Menetapkan kebijakan pelayanan publik yang berdampak luas bagi masyarakat.',
        [
          'Menetapkan kebijakan dan standar pelayanan tingkat instansi atau nasional.',
          'Menjadi rujukan praktik pelayanan publik yang baik.',
        ],
      ],
    ],
  ),
  national(
    'M.06',
    'Pengembangan Diri dan Orang Lain',
    'manajerial',
    'Meningkatkan pengetahuan dan keterampilan diri serta mendorong pengembangan kompetensi orang lain.',
    [
      [
        'Mengembangkan kompetensi diri sesuai kebutuhan tugasnya.',
        [
          'Mengikuti pelatihan atau belajar mandiri untuk menunjang tugas.',
          'Menerima umpan balik dan memperbaiki diri.',
        ],
      ],
      [
        'Membagikan pengetahuan dan pengalaman kepada rekan kerja.',
        [
          'Membagikan materi dan hasil pelatihan kepada rekan kerja.',
          'Membimbing rekan baru dalam pekerjaan sehari-hari.',
        ],
      ],
      [
        'Membimbing dan memberi umpan balik untuk mengembangkan anggota unitnya.',
        [
          'Melakukan coaching atau mentoring kepada bawahan.',
          'Mengusulkan pengembangan kompetensi bawahan sesuai kesenjangannya.',
        ],
      ],
      [
        'Menyusun program pengembangan kompetensi yang terencana bagi pegawai di lingkup kerjanya.',
        [
          'Menyusun rencana pengembangan kompetensi berdasarkan analisis kebutuhan.',
          'Menyiapkan kader pengganti untuk jabatan penting.',
        ],
      ],
      [
        'Membangun budaya belajar dan sistem pengembangan talenta di tingkat instansi.',
        [
          'Menetapkan kebijakan manajemen talenta instansi.',
          'Mendorong instansi menjadi organisasi pembelajar.',
        ],
      ],
    ],
  ),
  national(
    'M.07',
    'Mengelola Perubahan',
    'manajerial',
    'Menyesuaikan diri dengan perubahan serta mendukung dan memimpin upaya perubahan organisasi.',
    [
      [
        'Menyesuaikan diri dengan perubahan di lingkungan kerja.',
        [
          'Mengikuti aturan dan cara kerja yang baru.',
          'Mempelajari sistem atau aplikasi baru yang diterapkan.',
        ],
      ],
      [
        'Mendukung perubahan secara aktif dan membantu rekan kerja menyesuaikan diri.',
        [
          'Menjelaskan manfaat perubahan kepada rekan kerja.',
          'Mengusulkan perbaikan cara kerja.',
        ],
      ],
      [
        'Memimpin pelaksanaan perubahan di unit kerjanya.',
        [
          'Menyusun langkah penerapan perubahan di unitnya.',
          'Menangani penolakan terhadap perubahan melalui dialog.',
        ],
      ],
      [
        'Merancang dan mengelola program perubahan lintas unit.',
        [
          'Mengenali kebutuhan perubahan dari evaluasi kinerja dan lingkungan strategis.',
          'Memantau dampak perubahan dan menyesuaikan rencananya.',
        ],
      ],
      [
        'Menjadi penggerak perubahan di tingkat instansi dan nasional.',
        [
          'Menetapkan agenda reformasi birokrasi instansi.',
          'Menggalang dukungan pemangku kepentingan untuk perubahan besar.',
        ],
      ],
    ],
  ),
  national(
    'M.08',
    'Pengambilan Keputusan',
    'manajerial',
    'Mengambil keputusan yang tepat waktu dan dapat dipertanggungjawabkan berdasarkan analisis informasi.',
    [
      [
        'Mengambil keputusan sederhana dalam tugasnya berdasarkan prosedur yang berlaku.',
        [
          'Mengumpulkan informasi yang diperlukan sebelum memutuskan.',
          'Melaporkan masalah di luar kewenangannya kepada atasan.',
        ],
      ],
      [
        'Menganalisis masalah dan memilih alternatif pemecahan yang tepat.',
        [
          'Membandingkan beberapa alternatif beserta risikonya.',
          'Mempertimbangkan dampak keputusan bagi rekan kerja dan pengguna layanan.',
        ],
      ],
      [
        'Mengambil keputusan operasional yang berdampak pada unit kerjanya.',
        [
          'Memutuskan tepat waktu dengan informasi yang tersedia.',
          'Melibatkan pihak terkait sebelum memutuskan masalah yang kompleks.',
        ],
      ],
      [
        'Mengambil keputusan strategis dengan menimbang risiko dan kepentingan berbagai pihak.',
        [
          'Menimbang risiko jangka panjang dan dampak lintas unit.',
          'Bertanggung jawab atas keputusan yang tidak populer.',
        ],
      ],
      [
        'Mengambil keputusan yang berdampak luas di tingkat instansi atau nasional.',
        [
          'Memutuskan kebijakan strategis dalam kondisi yang tidak pasti.',
          'Menyelaraskan keputusan instansi dengan kepentingan nasional.',
        ],
      ],
    ],
  ),
  national(
    PEREKAT_BANGSA_CODE,
    'Perekat Bangsa',
    'sosial_kultural',
    'Menghargai keberagaman, bersikap toleran dan terbuka, serta menjaga persatuan dan kesatuan bangsa.',
    [
      [
        'Menghargai perbedaan suku, agama, budaya, dan pandangan dalam bekerja.',
        [
          'Bersikap sopan dan tidak membeda-bedakan rekan kerja maupun pengguna layanan.',
          'Menghindari ucapan yang merendahkan kelompok lain.',
        ],
      ],
      [
        'Membangun hubungan kerja yang harmonis di tengah keberagaman.',
        [
          'Bekerja sama dengan rekan dari latar belakang yang berbeda.',
          'Menengahi salah paham yang timbul karena perbedaan budaya.',
        ],
      ],
      [
        'Menumbuhkan sikap saling menghargai dan menekankan persamaan di unit kerjanya.',
        [
          'Memastikan pembagian tugas di unitnya adil bagi semua kelompok.',
          'Mencegah dan menangani konflik bernuansa SARA di unitnya.',
        ],
      ],
      [
        'Menjadikan keberagaman sebagai kekuatan untuk mencapai tujuan instansi.',
        [
          'Melibatkan kelompok yang beragam dalam perumusan program.',
          'Membangun kerja sama dengan tokoh masyarakat dan tokoh agama.',
        ],
      ],
      [
        'Menjaga persatuan dan kesatuan bangsa sebagai wakil pemerintah di tingkat nasional.',
        [
          'Menetapkan kebijakan yang memperkuat kohesi sosial.',
          'Menjadi teladan dalam menjaga persatuan bangsa.',
        ],
      ],
    ],
  ),
];

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Frozen: copy it (e.g. `structuredClone`) before letting an agency edit the texts. */
export const NATIONAL_DICTIONARY: readonly Competency[] = deepFreeze(DICTIONARY);
