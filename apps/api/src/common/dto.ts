import { createZodDto } from 'nestjs-zod';
import { ZIdParam } from '@asah/contracts/common';

/** `:id` route parameter, validated as a UUID (a malformed id is a 400 naming the field). */
export class IdParamDto extends createZodDto(ZIdParam) {}
