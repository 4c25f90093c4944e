import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ZodError } from 'zod';
import type { TApiError, TErrorCode, TFieldError } from '@asah/contracts/errors';
import { DomainError } from './domain-error';
import { ERROR_STATUS } from './error-status';

export function zodFieldErrors(error: ZodError): TFieldError[] {
  return error.issues.flatMap((issue) => {
    const params = (issue as { params?: { code?: string } }).params;
    const code = params?.code ?? issue.code;
    // Unknown keys are reported together on the object; name each key so the client sees every field.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), code, message: issue.message }));
    return [{ field: issue.path.join('.') || '(body)', code, message: issue.message }];
  });
}

const HTTP_CODES: Partial<Record<number, TErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'TOO_MANY_ATTEMPTS',
};

/** Turns every error into the single API error shape `{ statusCode, code, message, details, requestId }`. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const body = toApiError(exception);
    body.requestId = req.id ? String(req.id) : undefined;
    if (body.statusCode >= 500) this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    if (exception instanceof DomainError && exception.headers) {
      for (const [k, v] of Object.entries(exception.headers)) res.setHeader(k, v);
    }
    res.status(body.statusCode).json(body);
  }
}

/** The one API error shape of any error (also used by the fast lane). */
export function toApiError(exception: unknown): TApiError {
  if (exception instanceof DomainError) {
    return { statusCode: ERROR_STATUS[exception.code], code: exception.code, message: exception.message, details: exception.details };
  }
  if (exception instanceof ZodValidationException) {
    const zodError = exception.getZodError();
    const details = zodError instanceof ZodError ? zodFieldErrors(zodError) : undefined;
    const fields = details?.map((d) => d.field).join(', ');
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: `Invalid request: ${fields ?? 'see details'}`, details };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { statusCode: status, code: HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED'), message: exception.message };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, code: 'INTERNAL', message: 'Internal server error' };
}
