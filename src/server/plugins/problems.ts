import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DbError } from '../../db/errors.js';
import { ERRORS, type Problem } from '../../shared/errors.js';
import { ApiError } from '../errors/api-error.js';
import { apiErrorFromDb } from '../errors/from-db.js';

/**
 * Every error leaves as application/problem+json (RFC 9457) with a stable `code`, a message safe
 * to show and, for bad input, the JSON path of each field at fault. Unexpected errors are logged
 * with the request id and answered without internals.
 */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, apiError);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, new ApiError('not_found')));
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: ApiError): FastifyReply {
  const problem: Problem = {
    type: `https://ocp.dev/problems/${error.code.replaceAll('_', '-')}`,
    title: ERRORS[error.code].title,
    status: error.status,
    code: error.code,
    detail: error.message,
    instance: request.url.split('?')[0] as string,
    requestId: request.id,
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
    ...(error.position !== undefined ? { position: error.position } : {}),
  };
  return reply
    .code(error.status)
    .type('application/problem+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(problem);
}

function toApiError(error: FastifyError): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DbError) return apiErrorFromDb(error);
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    return new ApiError(
      'validation_failed',
      undefined,
      error.validation.map((issue) => ({
        path: `/${where}${issue.instancePath === '/' ? '' : issue.instancePath}`,
        message: issue.message ?? 'is not valid',
      })),
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('bad_request', 'The body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('bad_request', 'Send the body as application/json');
  }
  if (error.statusCode === 429) return new ApiError('rate_limited');
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    return new ApiError('bad_request', error.message);
  return new ApiError('internal');
}
