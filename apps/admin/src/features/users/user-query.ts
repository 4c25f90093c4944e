import { ZEmploymentType, ZRole } from '@asah/contracts/roles';
import { USER_STATUSES } from '@asah/contracts/users';
import type { UserListFilters } from './hooks/use-users';
import type { UserFilterValues } from './components/UserFilters';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const status = (value: string) => (USER_STATUSES as readonly string[]).includes(value) ? (value as (typeof USER_STATUSES)[number]) : 'active';

/** Turns URL filters (free text, possibly hand-edited) into a query the API accepts. */
export function toUserQuery(values: UserFilterValues, page: number, pageSize: number): UserListFilters {
  const unitId = uuid.test(values.unit) ? values.unit : undefined;
  return {
    page,
    pageSize,
    q: values.q || undefined,
    unitId,
    includeSubunits: unitId && values.sub !== '0' ? true : undefined,
    positionId: uuid.test(values.position) ? values.position : undefined,
    role: ZRole.safeParse(values.role).data,
    employmentType: ZEmploymentType.safeParse(values.type).data,
    status: status(values.status),
  };
}
