import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agency } from '../agencies/agency.entity';
import { hashPassword } from '../auth/passwords';
import { Position } from '../positions/position.entity';
import { Unit } from '../units/unit.entity';
import { User } from '../users/user.entity';
import { DEMO_AGENCIES, DEMO_PASSWORD, DEMO_PLATFORM_ADMIN } from './demo-data';
import { seedDemoCertificates } from './demo-certificates';
import { seedDemoCompetency } from './demo-competency';
import { seedDemoLearning } from './demo-learning';

/**
 * Fills an empty database with two agencies and their people so isolation is visible from the
 * first minute. Runs once: a database with any agency is left alone. An advisory lock keeps
 * several API processes starting together from seeding twice.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async seedIfEmpty(): Promise<boolean> {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['asah-demo-seed']);
      if ((await tx.count(Agency)) > 0 || (await tx.count(User)) > 0) return false;
      await tx.insert(User, { ...DEMO_PLATFORM_ADMIN, roles: ['platform_admin'], passwordHash });
      // Ids by agency code, `agency/unit` code and email, for the learning demo below.
      const ids = { agencies: new Map<string, string>(), units: new Map<string, string>(), people: new Map<string, string>() };
      for (const demo of DEMO_AGENCIES) {
        const agency = await tx.save(tx.create(Agency, { code: demo.code, name: demo.name }));
        ids.agencies.set(demo.code, agency.id);
        const units = new Map<string, string>();
        for (const u of demo.units) {
          const saved = await tx.save(tx.create(Unit, { agencyId: agency.id, code: u.code, name: u.name, parentId: u.parent ? units.get(u.parent)! : null }));
          units.set(u.code, saved.id);
          ids.units.set(`${demo.code}/${u.code}`, saved.id);
        }
        const positions = new Map<string, string>();
        for (const p of demo.positions) {
          const saved = await tx.save(tx.create(Position, { agencyId: agency.id, code: p.code, name: p.name, type: p.type, functionalLevel: p.level ?? null }));
          positions.set(p.code, saved.id);
        }
        for (const u of demo.users) {
          const inserted = await tx.insert(User, {
            agencyId: agency.id,
            name: u.name,
            email: u.email,
            nip: u.nip ?? null,
            employmentType: u.type ?? null,
            unitId: u.unit ? units.get(u.unit)! : null,
            positionId: u.position ? positions.get(u.position)! : null,
            roles: u.roles,
            passwordHash,
          });
          ids.people.set(u.email, inserted.identifiers[0].id as string);
        }
      }
      await seedDemoLearning(tx, ids);
      await seedDemoCompetency(tx, ids);
      await seedDemoCertificates(tx, ids);
      this.logger.log('Seeded the demo agencies and accounts');
      return true;
    });
  }
}
