/**
 * Every error OCP's API returns, by stable code. The code is what clients branch on; the title is
 * a default human message. Shared by the server (to answer) and the browser (to explain).
 */
export const ERRORS = {
  validation_failed: { status: 422, title: 'Some fields are not valid' },
  bad_request: { status: 400, title: 'The request could not be understood' },
  unauthenticated: { status: 401, title: 'Sign in to continue' },
  invalid_credentials: { status: 401, title: 'Wrong email or password' },
  token_expired: { status: 401, title: 'Your session has expired; sign in again' },
  invalid_token: { status: 401, title: 'The access token is not valid' },
  refresh_token_reused: { status: 401, title: 'This session was signed out because its refresh token was used twice' },
  forbidden: { status: 403, title: 'You may not do this' },
  not_found: { status: 404, title: 'Not found' },
  email_taken: { status: 409, title: 'An account with this email already exists' },
  conflict: { status: 409, title: 'This conflicts with the current state' },
  chart_limit_reached: { status: 409, title: 'A tab holds at most 10 charts' },
  position_taken: { status: 409, title: 'That position is already taken' },
  last_admin: { status: 409, title: 'A team must keep at least one admin' },
  dataset_in_use: { status: 409, title: 'Charts use this dataset' },
  dataset_changed: { status: 409, title: 'The dataset was reloaded by someone else meanwhile; load again' },
  upload_unreadable: { status: 422, title: 'The file could not be read as asked' },
  sql_syntax_error: { status: 422, title: 'The SQL has a syntax error' },
  query_not_allowed: { status: 422, title: 'Only read-only queries over your datasets can run' },
  unknown_dataset: { status: 422, title: 'The query names a dataset you do not have' },
  query_failed: { status: 422, title: 'The query failed' },
  query_timeout: { status: 422, title: 'The query took too long and was stopped' },
  dataset_empty: { status: 409, title: 'This dataset has no data yet' },
  chart_not_configured: { status: 409, title: 'This chart has no data configuration yet' },
  share_link_expired: { status: 410, title: 'This share link has expired' },
  gone: { status: 410, title: 'This is no longer available' },
  share_link_password_required: { status: 401, title: 'This share link needs a password' },
  share_link_password_wrong: { status: 403, title: 'Wrong password for this share link' },
  precondition_failed: { status: 412, title: 'Someone else changed this since you loaded it' },
  precondition_required: { status: 428, title: 'Send If-Match with the ETag you loaded' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  rate_limited: { status: 429, title: 'Too many requests; try again shortly' },
  unavailable: { status: 503, title: 'The service is not available right now' },
  internal: { status: 500, title: 'Something went wrong on our side' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** One field at fault: its JSON path in the request (e.g. "/body/tabs/0/title") and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

/** An RFC 9457 problem document as OCP sends it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
  /** For SQL errors: the 0-based character offset in the query where DuckDB saw the problem. */
  position?: number;
}
