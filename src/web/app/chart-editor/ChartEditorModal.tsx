import { Alert, Box, Modal, ScrollArea, SegmentedControl, Stack, Tabs, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import type { ChartType } from '../../../shared/chart-spec';
import type { Chart, Dashboard } from '../dashboard/use-dashboard';
import { ApiProblem, problemMessage } from '../lib/problems';
import { queryKeys } from '../lib/query-keys';
import { CalculationsSection } from './CalculationsSection';
import { type DataMode, DataSection } from './DataSection';
import { DiscardChangesModal } from './DiscardChangesModal';
import { EditorFooter } from './EditorFooter';
import { JsonView } from './JsonView';
import { PreviewPane } from './PreviewPane';
import { SaveProblemAlert } from './SaveProblemAlert';
import { StyleSection } from './StyleSection';
import {
  apiFieldErrors,
  autoTitle,
  type Column,
  calculationName,
  type DatasetInfo,
  type Draft,
  type DraftQuery,
  draftFromChart,
  draftIssues,
  errorsUnder,
  isStructured,
  readableConfiguration,
  resultColumns,
  sameJson,
  setSpec,
  withBuilderMode,
  withDataset,
  withSqlMode,
  withType,
} from './spec-draft';
import { useDebounced, useEditorDataset, useEditorDatasets, usePreviewData } from './use-editor-data';
import { fetchChart, useSaveChart } from './use-save-chart';

export interface ChartEditorModalProps {
  /** The dashboard the chart is on (or goes onto): its datasets' owner and its ETags. */
  dashboard: Dashboard;
  /** The tab a new chart goes onto. */
  tabId: string;
  /** The chart to edit; null makes a new one on `tabId`. */
  chart: Chart | null;
  onClose: () => void;
}

const PREVIEW_DELAY_MS = 300;

type SqlData = Extract<Draft['data'], { sql: string }>;
interface Parked {
  query?: DraftQuery;
  sql?: { data: SqlData; leftFor: DraftQuery };
}

/**
 * The chart editor: controls on the left (data, calculations, style; or the spec as JSON), the
 * chart as it would be saved on the right. The state is the spec itself (see spec-draft.ts).
 * Loaded on demand: `lazy(() => import(...))`.
 */
export default function ChartEditorModal({ dashboard, tabId, chart, onClose }: ChartEditorModalProps) {
  const queryClient = useQueryClient();
  const scheme = useComputedColorScheme('light');
  // What is saved now: the draft starts from it, "unsaved changes" compare with it.
  const [saved, setSaved] = useState(() => ({ chart, draft: draftFromChart(chart) }));
  const [draft, setDraft] = useState<Draft>(saved.draft);
  // What the other data mode had, to come back to: the builder's query while in SQL, the SQL
  // (and the query it was left for) while in the builder.
  const [parked, setParked] = useState<Parked>({});
  const [view, setView] = useState<'visual' | 'json'>('visual');
  const [section, setSection] = useState<string | null>('data');
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [jsonKey, setJsonKey] = useState(0);
  const save = useSaveChart(dashboard.id, tabId);

  const datasets = useEditorDatasets();
  const { dataset, error: datasetError } = useEditorDataset(datasets.data, draft.data.dataset_id);
  const columns: Column[] = dataset?.columns ?? [];

  const issues = useMemo(() => draftIssues(draft), [draft]);
  const settled = useDebounced(draft, PREVIEW_DELAY_MS);
  const settledIssues = useMemo(() => draftIssues(settled), [settled]);
  const previewSpec = settled.data.dataset_id && Object.keys(settledIssues).length === 0 ? settled : null;
  const preview = usePreviewData(previewSpec);
  const previewError = previewSpec && preview.isError ? preview.error : null;

  const predicted = useMemo(() => resultColumns(draft, columns), [draft, columns]);
  // For SQL, the result's columns are only known once it ran: the preview's.
  const shownColumns = isStructured(draft) ? predicted : (preview.data?.result.columns ?? []);
  const columnsBeforeCalculations = isStructured(draft)
    ? predicted.slice(0, predicted.length - (draft.calculations?.length ?? 0))
    : shownColumns.filter((c) => !(draft.calculations ?? []).some((calc) => calculationName(calc) === c.name));

  const serverProblem = save.error instanceof ApiProblem ? save.error : null;
  const saveFields = apiFieldErrors(serverProblem?.problem.errors);
  const previewFields = apiFieldErrors(previewError instanceof ApiProblem ? previewError.problem.errors : undefined);
  const errors = { ...previewFields.byField, ...saveFields.byField, ...issues };

  const dirty = !sameJson(draft, saved.draft);
  // A spec whose query the server refuses would only show that error on the dashboard; a slow
  // or failing server (timeouts, 5xx) does not stop a save.
  const refused =
    previewError instanceof ApiProblem && previewError.status === 422 && sameJson(settled, draft) ? previewError : null;
  const hasIssues = Object.keys(issues).length > 0;
  const savedTitle = saved.chart?.title;
  const styleTitle = draft.style?.title?.trim();
  const title = styleTitle || savedTitle || autoTitle(draft, dataset?.name);

  const update = useCallback(
    (next: Draft | ((old: Draft) => Draft)) => {
      save.reset();
      setDraft(next);
    },
    [save.reset],
  );

  const pickDataset = (picked: DatasetInfo) => {
    setParked({});
    update((old) => withDataset(old, picked));
  };
  const pickType = (type: ChartType) => update((old) => withType(old, type, dataset?.columns));
  const pickMode = (mode: DataMode) => {
    if (mode === 'sql' && isStructured(draft)) {
      const query = draft.data.query;
      setParked((old) => ({ ...old, query }));
      // The SQL written before comes back if the query was left as it was; else the query is written out.
      const { sql } = parked;
      update(sql && sameJson(sql.leftFor, query) ? { ...draft, data: sql.data } : withSqlMode(draft, dataset));
    } else if (mode === 'builder' && 'sql' in draft.data) {
      const next = withBuilderMode(draft, columns, parked.query);
      if (isStructured(next))
        setParked((old) => ({ ...old, sql: { data: draft.data as SqlData, leftFor: next.data.query } }));
      update(next);
    }
  };

  const requestClose = () => (dirty ? setConfirmDiscard(true) : onClose());

  const submit = async () => {
    if (hasIssues) return;
    // The chart's name: the spec's title when it has one (or was changed), else the saved name.
    const titleChanged = (draft.style?.title ?? '') !== (saved.draft.style?.title ?? '');
    const name = (saved.chart && !titleChanged ? saved.chart.title : title).slice(0, 200);
    try {
      await save.mutateAsync({ title: name, spec: draft, chart: saved.chart });
      notifications.show({
        color: 'green',
        message: `Saved “${name}”`,
        closeButtonProps: { 'aria-label': 'Dismiss' },
      });
      onClose();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(dashboard.id) });
      }
    }
  };

  const reloadChart = async () => {
    if (!saved.chart) return;
    try {
      const latest = await fetchChart(saved.chart.id);
      const next = { chart: latest, draft: draftFromChart(latest) };
      setSaved(next);
      setDraft(next.draft);
      setJsonKey((k) => k + 1);
      save.reset();
    } catch (error) {
      notifications.show({
        color: 'red',
        title: 'Could not load the chart',
        message: problemMessage(error),
        closeButtonProps: { 'aria-label': 'Dismiss' },
      });
    }
  };

  return (
    <>
      <Modal
        opened
        onClose={requestClose}
        closeOnEscape={!confirmDiscard}
        title={chart ? 'Edit chart' : 'New chart'}
        fullScreen
        closeButtonProps={{ 'aria-label': 'Close the editor' }}
        styles={{
          content: {
            display: 'flex',
            flexDirection: 'column',
            // The editor shows many field errors at once: in a red dark enough (light) or light
            // enough (dark) for small text to keep a 4.5:1 contrast (axe).
            ['--mantine-color-error' as string]:
              scheme === 'dark' ? 'var(--mantine-color-red-5)' : 'var(--mantine-color-red-9)',
          },
          body: { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', paddingBottom: 12 },
        }}
      >
        <SaveProblemAlert error={save.error} onReload={saved.chart ? reloadChart : null} />
        {saved.chart &&
          Object.keys(saved.chart.configuration).length > 0 &&
          !readableConfiguration(saved.chart.configuration) && (
            <Alert color="yellow" title="The saved settings could not be read" mb="sm">
              This chart’s configuration is not a chart spec the editor understands, so it starts from scratch here.
              Saving replaces the old configuration.
            </Alert>
          )}
        <Box style={{ flex: 1, minHeight: 0, display: 'flex', gap: 16 }}>
          <Stack gap="xs" style={{ width: 460, flexShrink: 0, minHeight: 0 }}>
            <SegmentedControl
              aria-label="Editor view"
              data={[
                { value: 'visual', label: 'Visual' },
                { value: 'json', label: 'JSON' },
              ]}
              value={view}
              onChange={(value) => setView(value as 'visual' | 'json')}
            />
            <ScrollArea style={{ flex: 1 }} offsetScrollbars type="auto">
              {view === 'json' ? (
                <JsonView key={jsonKey} draft={draft} onChange={update} />
              ) : (
                <Tabs value={section} onChange={setSection} keepMounted={false}>
                  <Tabs.List mb="sm">
                    <Tabs.Tab value="data">Data</Tabs.Tab>
                    <Tabs.Tab value="calculations">
                      Calculations{draft.calculations?.length ? ` (${draft.calculations.length})` : ''}
                    </Tabs.Tab>
                    <Tabs.Tab value="style">Style</Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="data">
                    <DataSection
                      draft={draft}
                      datasets={datasets}
                      dataset={dataset}
                      datasetError={datasetError}
                      resultColumns={shownColumns}
                      errors={errors}
                      previewError={previewError}
                      onChange={update}
                      onDataset={pickDataset}
                      onType={pickType}
                      onMode={pickMode}
                    />
                  </Tabs.Panel>
                  <Tabs.Panel value="calculations">
                    <CalculationsSection
                      calculations={draft.calculations ?? []}
                      columns={columnsBeforeCalculations}
                      errors={errorsUnder(errors, 'calculations')}
                      onChange={(calculations) => update((old) => ({ ...old, calculations }))}
                    />
                  </Tabs.Panel>
                  <Tabs.Panel value="style">
                    <StyleSection
                      type={draft.type}
                      style={draft.style ?? {}}
                      titlePlaceholder={savedTitle ?? autoTitle(draft, dataset?.name)}
                      errors={errorsUnder(errors, 'style')}
                      onSet={(path, value) => update((old) => setSpec(old, ['style', ...path], value))}
                    />
                  </Tabs.Panel>
                </Tabs>
              )}
            </ScrollArea>
          </Stack>
          <Box style={{ flex: 1, minWidth: 0, minHeight: 0 }}>
            <PreviewPane
              title={title}
              spec={settled.data.dataset_id ? settled : null}
              issues={settledIssues}
              data={previewSpec ? preview.data : undefined}
              error={previewError}
              loading={preview.isPending}
              fetching={preview.isFetching}
              noDatasets={datasets.data?.length === 0}
            />
          </Box>
        </Box>
        <EditorFooter
          isNew={chart === null}
          hasIssues={hasIssues}
          refused={refused !== null}
          dirty={dirty}
          saving={save.isPending}
          onCancel={requestClose}
          onSave={submit}
        />
      </Modal>
      <DiscardChangesModal
        opened={confirmDiscard}
        onKeep={() => setConfirmDiscard(false)}
        onDiscard={() => {
          setConfirmDiscard(false);
          onClose();
        }}
      />
    </>
  );
}
