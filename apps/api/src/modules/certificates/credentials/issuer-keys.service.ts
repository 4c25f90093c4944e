import { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { TIssuerKey } from '@asah/contracts/certificates';
import { uniqueViolation } from '../../../common/db/unique-violation';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { IssuerKey } from '../certificate.entities';
import { decryptPrivateKey, encryptPrivateKey, generateEd25519, publicKeyFromMultibase } from './data-integrity';

export interface SigningKey {
  id: string;
  agencyId: string;
  verificationMethod: string;
  privateKey: KeyObject;
}

/**
 * The agencies' Ed25519 keys: generated at first use, private halves sealed with
 * CREDENTIAL_KEY_SECRET, rotatable (the old key is retired but stays published so credentials
 * it signed keep verifying). Decrypted keys are kept in memory by key id.
 */
@Injectable()
export class IssuerKeysService {
  private readonly decrypted = new Map<string, KeyObject>();
  private readonly publicKeys = new Map<string, { agencyId: string; key: KeyObject } | null>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get baseUrl(): string {
    return this.config.certificates.publicUrl;
  }

  issuerId(agencyId: string): string {
    return `${this.baseUrl}/api/issuers/${agencyId}`;
  }

  keyUrl(keyId: string): string {
    return `${this.baseUrl}/api/credentials/keys/${keyId}`;
  }

  statusListUrl(agencyId: string): string {
    return `${this.baseUrl}/api/credentials/status/${agencyId}`;
  }

  /** The agency's active key, created on first use (two first uses at once: the unique index picks one). */
  async activeKey(agencyId: string, manager: EntityManager = this.db.manager): Promise<SigningKey> {
    let row = await manager.findOneBy(IssuerKey, { agencyId, active: true });
    if (!row) {
      // Outside the caller's transaction: a key is never rolled back with a failed issue, and the
      // insert cannot poison that transaction when another process created the key meanwhile.
      await this.create(agencyId).catch((error) => {
        if (uniqueViolation(error) !== 'uq_issuer_keys_active') throw error;
      });
      row = await this.db.manager.findOneByOrFail(IssuerKey, { agencyId, active: true });
    }
    return this.unseal(row);
  }

  async rotate(agencyId: string): Promise<TIssuerKey> {
    const created = await this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('issuer-key:' || $1))`, [agencyId]);
      await tx.update(IssuerKey, { agencyId, active: true }, { active: false, retiredAt: new Date() });
      return this.insert(tx, agencyId);
    });
    return this.toView(created);
  }

  async list(agencyId?: string): Promise<TIssuerKey[]> {
    const rows = await this.db.getRepository(IssuerKey).find({ where: agencyId ? { agencyId } : {}, order: { createdAt: 'ASC' } });
    return rows.map((r) => this.toView(r));
  }

  async one(id: string): Promise<TIssuerKey | null> {
    const row = await this.db.getRepository(IssuerKey).findOneBy({ id });
    return row ? this.toView(row) : null;
  }

  /** The public key behind a verification method URL of this platform, or null. */
  async resolve(verificationMethod: string): Promise<{ agencyId: string; key: KeyObject } | null> {
    const prefix = `${this.baseUrl}/api/credentials/keys/`;
    if (!verificationMethod.startsWith(prefix)) return null;
    const id = verificationMethod.slice(prefix.length);
    if (!/^[0-9a-f-]{36}$/.test(id)) return null;
    if (!this.publicKeys.has(id)) {
      const row = await this.db.getRepository(IssuerKey).findOneBy({ id });
      this.publicKeys.set(id, row ? { agencyId: row.agencyId, key: publicKeyFromMultibase(row.publicKeyMultibase) } : null);
    }
    return this.publicKeys.get(id) ?? null;
  }

  toView(row: IssuerKey): TIssuerKey {
    return {
      id: this.keyUrl(row.id),
      type: 'Multikey',
      controller: this.issuerId(row.agencyId),
      publicKeyMultibase: row.publicKeyMultibase,
      agencyId: row.agencyId,
      active: row.active,
      createdAt: row.createdAt.toISOString(),
      retiredAt: row.retiredAt?.toISOString() ?? null,
    };
  }

  private async create(agencyId: string): Promise<IssuerKey> {
    return this.db.transaction((tx) => this.insert(tx, agencyId));
  }

  private async insert(tx: EntityManager, agencyId: string): Promise<IssuerKey> {
    const key = generateEd25519();
    return tx.getRepository(IssuerKey).save({
      agencyId,
      publicKeyMultibase: key.publicKeyMultibase,
      privateKeyEncrypted: encryptPrivateKey(key.privateKeyDer, this.config.certificates.keySecret),
      active: true,
      retiredAt: null,
    });
  }

  private unseal(row: IssuerKey): SigningKey {
    let privateKey = this.decrypted.get(row.id);
    if (!privateKey) {
      privateKey = decryptPrivateKey(row.privateKeyEncrypted, this.config.certificates.keySecret);
      this.decrypted.set(row.id, privateKey);
    }
    return { id: row.id, agencyId: row.agencyId, verificationMethod: this.keyUrl(row.id), privateKey };
  }
}
