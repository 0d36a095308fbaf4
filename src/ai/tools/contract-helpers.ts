export { ChartSpec } from '../../shared/chart-spec.js';

/** How results describe their columns, for tool descriptions. */
export const QUERY_RESULT_KINDS_NOTE =
  'Results are {columns: [{name, kind}], rows: [[…]], truncated}; kinds are number, string, date, timestamp, boolean.';
