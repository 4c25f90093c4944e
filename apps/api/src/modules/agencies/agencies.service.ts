import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { TAgency, TAgencyListQuery, TCreateAgencyRequest, TUpdateAgencyRequest } from '@asah/contracts/agencies';
import type { TPage } from '@asah/contracts/common';
import { Actor, canSeeAgency } from '../../common/auth/actor';
import { likePattern, uniqueViolation } from '../../common/db/unique-violation';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { Agency } from './agency.entity';

const toDto = (a: Agency): TAgency => ({ id: a.id, code: a.code, name: a.name, active: a.active, createdAt: a.createdAt.toISOString() });

@Injectable()
export class AgenciesService {
  constructor(@InjectRepository(Agency) private readonly agencies: Repository<Agency>) {}

  async list(query: TAgencyListQuery): Promise<TPage<TAgency>> {
    const qb = this.agencies.createQueryBuilder('a').orderBy('a.name', 'ASC').skip((query.page - 1) * query.pageSize).take(query.pageSize);
    if (query.q) qb.where('(a.name ILIKE :q OR a.code ILIKE :q)', { q: likePattern(query.q) });
    const [items, total] = await qb.getManyAndCount();
    return { items: items.map(toDto), total, page: query.page, pageSize: query.pageSize };
  }

  async get(actor: Actor, id: string): Promise<TAgency> {
    const agency = await this.agencies.findOneBy({ id });
    if (!agency || !canSeeAgency(actor, agency.id)) throw notFound('Agency');
    return toDto(agency);
  }

  async create(input: TCreateAgencyRequest): Promise<TAgency> {
    try {
      return toDto(await this.agencies.save(this.agencies.create(input)));
    } catch (error) {
      if (uniqueViolation(error) !== null) throw new DomainError('CODE_TAKEN', `Agency code ${input.code} is taken`, [{ field: 'code', code: 'CODE_TAKEN', message: 'Code is taken' }]);
      throw error;
    }
  }

  async update(id: string, input: TUpdateAgencyRequest): Promise<TAgency> {
    const agency = await this.agencies.findOneBy({ id });
    if (!agency) throw notFound('Agency');
    return toDto(await this.agencies.save(Object.assign(agency, input)));
  }
}
