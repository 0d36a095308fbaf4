import { Anchor, Divider, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ChartType } from '../../../shared/chart-spec';
import { problemMessage } from '../lib/problems';
import { ChartTypePicker } from './ChartTypePicker';
import { EncodingFields } from './EncodingFields';
import { QueryBuilder } from './QueryBuilder';
import { SqlEditor } from './SqlEditor';
import {
  type Column,
  type DatasetInfo,
  type Draft,
  errorsUnder,
  type FieldErrors,
  isStructured,
  setSpec,
} from './spec-draft';

export type DataMode = 'builder' | 'sql';

interface DataSectionProps {
  draft: Draft;
  datasets: { data: DatasetInfo[] | undefined; isPending: boolean; error: unknown };
  dataset: DatasetInfo | undefined;
  /** Why the chart's dataset could not be loaded (deleted, or no longer shared with you). */
  datasetError: unknown;
  /** The columns of the result (for the encoding): predicted for a query, as the preview had them for SQL. */
  resultColumns: Column[];
  errors: FieldErrors;
  previewError: unknown;
  onChange: (draft: Draft) => void;
  onDataset: (dataset: DatasetInfo) => void;
  onType: (type: ChartType) => void;
  onMode: (mode: DataMode) => void;
}

/** Where the data comes from (dataset; query builder or SQL), the chart type, and what goes where. */
export function DataSection(props: DataSectionProps) {
  const { draft, datasets, dataset, datasetError, resultColumns, errors, previewError, onChange } = props;
  const structured = isStructured(draft);
  const known = datasets.data ?? [];
  const datasetId = draft.data.dataset_id;
  // A chart may draw from a dataset this list does not hold (a team's, past the first page).
  const options = known.map((d) => ({ value: d.id, label: d.name }));
  if (datasetId && !known.some((d) => d.id === datasetId))
    options.push({ value: datasetId, label: dataset?.name ?? 'Another dataset' });

  return (
    <Stack gap="md">
      <Select
        label="Dataset"
        placeholder={
          datasets.isPending ? 'Loading your datasets…' : known.length ? 'Pick a dataset' : 'No datasets yet'
        }
        data={options}
        value={datasetId || null}
        onChange={(id) => {
          const picked = known.find((d) => d.id === id);
          if (picked) props.onDataset(picked);
        }}
        allowDeselect={false}
        searchable
        nothingFoundMessage="No dataset by that name"
        error={
          datasets.error
            ? problemMessage(datasets.error)
            : datasetError
              ? `This chart’s dataset cannot be read: ${problemMessage(datasetError)}. Pick another.`
              : errors['data.dataset_id']
        }
        description={
          !datasets.isPending && known.length === 0 ? (
            <>
              Upload a CSV, JSON or Parquet file on the{' '}
              <Anchor component={Link} to="/datasets" size="xs">
                Datasets page
              </Anchor>{' '}
              first.
            </>
          ) : undefined
        }
        comboboxProps={{ withinPortal: true }}
      />
      <ChartTypePicker value={draft.type} onChange={props.onType} />
      {errors.type && (
        <Text size="xs" c="red">
          {errors.type}
        </Text>
      )}
      <SegmentedControl
        aria-label="How to get the data"
        data={[
          { value: 'builder', label: 'Query builder' },
          { value: 'sql', label: 'SQL' },
        ]}
        value={structured ? 'builder' : 'sql'}
        onChange={(mode) => props.onMode(mode as DataMode)}
        disabled={!datasetId}
      />
      {structured ? (
        dataset || !datasetId || datasetError ? (
          <QueryBuilder
            query={draft.data.query}
            columns={dataset?.columns ?? []}
            resultColumns={resultColumns}
            errors={errorsUnder(errors, 'data.query')}
            onChange={(query) => onChange(setSpec(draft, ['data', 'query'], query))}
          />
        ) : (
          <Text size="sm" c="dimmed">
            Loading the dataset’s columns…
          </Text>
        )
      ) : 'sql' in draft.data ? (
        <SqlEditor
          sql={draft.data.sql}
          tableName={dataset?.table_name}
          params={draft.data.params}
          error={errors['data.sql']}
          queryError={previewError}
          onChange={(sql) => onChange(setSpec(draft, ['data', 'sql'], sql))}
        />
      ) : null}
      <Divider label="On the chart" labelPosition="left" />
      <EncodingFields
        type={draft.type}
        encoding={draft.encoding ?? {}}
        columns={resultColumns}
        errors={errorsUnder(errors, 'encoding')}
        onChange={(encoding) => onChange({ ...draft, encoding })}
      />
    </Stack>
  );
}
