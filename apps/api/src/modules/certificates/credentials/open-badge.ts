import { createHash } from 'node:crypto';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export interface BadgeInput {
  certificateId: string;
  number: string;
  issuedAt: Date;
  holder: { name: string; nip: string | null; userId: string };
  course: { id: string; code: string; title: string; jp: number };
  completedOn: string;
  issuer: { id: string; name: string; url: string };
  verificationUrl: string;
  status: { url: string; index: number };
  baseUrl: string;
}

const seconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * An Open Badges 3.0 `OpenBadgeCredential` (a W3C VC 2.0), unsigned: the agency as issuer profile,
 * the course as the achievement with its criteria, the holder identified by a salted hash of the
 * NIP (or of the account id) so the JSON does not expose the NIP, and a BitstringStatusList entry
 * for revocation.
 */
export function buildOpenBadge(input: BadgeInput): Record<string, unknown> {
  const salt = input.certificateId.replace(/-/g, '').slice(0, 16);
  const identity = input.holder.nip ?? input.holder.userId;
  const jp = Number.isInteger(input.course.jp) ? String(input.course.jp) : String(input.course.jp).replace('.', ',');
  return {
    '@context': [VC_CONTEXT, OB_CONTEXT],
    id: `urn:uuid:${input.certificateId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `Sertifikat ${input.course.title}`,
    issuer: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name, url: input.issuer.url },
    validFrom: seconds(input.issuedAt),
    credentialSubject: {
      type: ['AchievementSubject'],
      name: input.holder.name,
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: `sha256$${createHash('sha256').update(identity + salt).digest('hex')}`,
          identityType: input.holder.nip ? 'ext:NIP' : 'issuerDesignatedId',
          hashed: true,
          salt,
        },
      ],
      activityEndDate: `${input.completedOn}T00:00:00+07:00`,
      achievement: {
        id: `urn:uuid:${input.course.id}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: input.course.title,
        description: `Pelatihan ${input.course.code}: ${input.course.title} (${jp} JP)`,
        criteria: { narrative: `Menyelesaikan seluruh aktivitas wajib pelatihan "${input.course.title}" sebanyak ${jp} Jam Pelajaran (JP).` },
        creator: { id: input.issuer.id, type: ['Profile'], name: input.issuer.name },
      },
    },
    evidence: [{ id: input.verificationUrl, type: ['Evidence'], name: `Sertifikat nomor ${input.number}`, narrative: 'Halaman verifikasi sertifikat' }],
    credentialStatus: {
      id: `${input.status.url}#${input.status.index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(input.status.index),
      statusListCredential: input.status.url,
    },
  };
}
