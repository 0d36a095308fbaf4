import { Code, Stack, Text, Textarea } from '@mantine/core';
import { ApiProblem, problemMessage } from '../lib/problems';
import { lineAndColumn } from './spec-draft';

interface SqlEditorProps {
  sql: string;
  tableName: string | undefined;
  /** Parameters the SQL uses ($name), if the spec has any. */
  params: Record<string, string | number | boolean> | undefined;
  /** Why the spec's SQL field is not valid (empty, too long). */
  error: string | undefined;
  /** The preview's failure, when it is the SQL's fault (syntax, a table or column that is not there). */
  queryError: unknown;
  onChange: (sql: string) => void;
}

const SQL_CODES = new Set([
  'sql_syntax_error',
  'query_not_allowed',
  'unknown_dataset',
  'query_failed',
  'query_timeout',
]);

/** The SQL of a chart: one SELECT in a monospace box, with DuckDB's complaint and where it is. */
export function SqlEditor({ sql, tableName, params, error, queryError, onChange }: SqlEditorProps) {
  const problem = queryError instanceof ApiProblem && SQL_CODES.has(queryError.code) ? queryError : null;
  const where = problem?.problem.position !== undefined ? lineAndColumn(sql, problem.problem.position) : null;
  const reason = error ?? (problem ? problemMessage(problem) : undefined);
  const message = reason && where ? `${reason} (line ${where.line}, column ${where.column})` : reason;
  return (
    <Stack gap={6}>
      <Textarea
        label="SQL"
        description={
          tableName ? (
            <>
              One SELECT; this dataset is the table <Code>{tableName}</Code>
            </>
          ) : (
            'One SELECT over your datasets, by their table names'
          )
        }
        value={sql}
        onChange={(event) => onChange(event.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={24}
        spellCheck={false}
        error={message}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
      />
      {params && Object.keys(params).length > 0 && (
        <Text size="xs" c="dimmed">
          Parameters:{' '}
          {Object.entries(params)
            .map(([name, value]) => `$${name} = ${JSON.stringify(value)}`)
            .join(', ')}{' '}
          (change them in the JSON view)
        </Text>
      )}
    </Stack>
  );
}
