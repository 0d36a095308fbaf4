import type { DbError } from '../../db/errors.js';
import { ApiError } from './api-error.js';

/**
 * What a database refusal means to an API caller. Row-level security and OCP's triggers are the
 * authority; this only translates their SQLSTATEs into problem codes.
 */
export function apiErrorFromDb(error: DbError): ApiError {
  const column = error.column ? `/${error.column}` : '';
  switch (error.code) {
    case '42501': // insufficient_privilege: RLS WITH CHECK, missing grant, ownership rule
      return new ApiError('forbidden');
    case 'P0002': // no_data_found: raised by functions for rows the caller may not see
      return new ApiError('not_found', error.message);
    case 'OC001':
      return new ApiError('chart_limit_reached', error.hint ? `${error.message}. ${error.hint}` : undefined);
    case 'OC002':
      return new ApiError('last_admin', error.hint ? `${error.message}. ${error.hint}` : undefined);
    case 'OC003':
    case 'OC004':
    case 'OC006':
      return new ApiError('validation_failed', error.message, [{ path: column || '/', message: error.message }]);
    case 'OC005':
    case 'OC007':
      return new ApiError('conflict', error.message);
    case 'OC014':
      return new ApiError('gone', error.message);
    case 'OC010':
      return new ApiError('not_found', 'Share link not found');
    case 'OC011':
      return new ApiError('share_link_expired');
    case 'OC012':
      return new ApiError('share_link_password_required');
    case 'OC013':
      return new ApiError('share_link_password_wrong');
    case '23505': // unique_violation
      if (error.constraint?.includes('position')) return new ApiError('position_taken');
      if (error.constraint === 'users_email_key') return new ApiError('email_taken');
      return new ApiError('conflict', 'This already exists');
    case '23514': // check_violation
    case '23502': // not_null_violation
    case '22001': // string too long
    case '22P02': // invalid text representation
      return new ApiError('validation_failed', 'A value is not allowed here', [
        { path: column || '/', message: checkMessage(error) },
      ]);
    case '23503': // foreign_key_violation: policies refuse hidden rows first, so this is a missing one
      return new ApiError('validation_failed', 'A referenced item does not exist', [
        { path: column || '/', message: 'does not exist' },
      ]);
    case '40001':
    case '40P01':
      return new ApiError('conflict', 'Too many simultaneous changes; try again');
    default:
      return new ApiError('internal');
  }
}

function checkMessage(error: DbError): string {
  if (error.constraint) return `violates the rule ${error.constraint}`;
  return 'is not allowed';
}
