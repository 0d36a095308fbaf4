import {
  Alert,
  Badge,
  Button,
  Group,
  LoadingOverlay,
  Modal,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconFile } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { plural } from '../lib/format';
import { fieldErrors, problemMessage } from '../lib/problems';
import { PERSONAL_OWNER, useOwnerOptions } from '../teams/use-team-lookups';
import { BadRowsList } from './BadRowsList';
import { CsvOptionsPanel } from './CsvOptionsPanel';
import { FilePicker } from './FilePicker';
import { datasetNameFromFile, formatBytes, formatCount } from './format';
import { PreviewTable } from './PreviewTable';
import { type Upload, UploadAborted, type UploadTask, uploadFile } from './upload-file';
import {
  type CsvColumnType,
  type CsvOptions,
  type Dataset,
  type DatasetWithLoadReport,
  useCreateDataset,
  useLoadDataset,
  usePreviewUpload,
} from './use-datasets';

type Step =
  | { kind: 'pick'; error?: unknown }
  | { kind: 'uploading'; file: File; fraction: number }
  | { kind: 'preview'; file: File; upload: Upload }
  | { kind: 'done'; dataset: DatasetWithLoadReport; appendedTo: number | null };

interface UploadModalProps {
  opened: boolean;
  onClose: () => void;
  /** Reload this dataset (replace or append) instead of creating a new one. */
  target?: Dataset | null;
  onOpenDataset?: (id: string) => void;
}

/**
 * Upload → preview → create (or reload): the file goes up with a real progress bar, OCP's
 * detection is shown with the first rows, any column's type can be changed (the preview is read
 * again), and creating reports how many rows were loaded and which were not.
 */
export function UploadModal({ opened, onClose, target, onOpenDataset }: UploadModalProps) {
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const task = useRef<UploadTask | null>(null);

  const close = () => {
    task.current?.abort();
    task.current = null;
    setStep({ kind: 'pick' });
    onClose();
  };

  const start = (file: File) => {
    setStep({ kind: 'uploading', file, fraction: 0 });
    const current = uploadFile(file, (fraction) =>
      setStep((old) => (old.kind === 'uploading' && old.file === file ? { ...old, fraction } : old)),
    );
    task.current = current;
    current.done.then(
      (upload) => {
        if (task.current !== current) return;
        task.current = null;
        setStep({ kind: 'preview', file, upload });
      },
      (error: unknown) => {
        if (task.current !== current) return;
        task.current = null;
        setStep(error instanceof UploadAborted ? { kind: 'pick' } : { kind: 'pick', error });
      },
    );
  };

  useEffect(() => () => task.current?.abort(), []);

  const title = target ? `Load new data into “${target.name}”` : 'Upload data';
  return (
    <Modal opened={opened} onClose={close} title={title} size="min(1100px, 96vw)" closeOnClickOutside={false}>
      {step.kind === 'pick' && (
        <Stack>
          <FilePicker onFile={start} />
          {step.error !== undefined && (
            <Alert color="red" role="alert" title="The file could not be uploaded">
              {problemMessage(step.error)}
            </Alert>
          )}
        </Stack>
      )}
      {step.kind === 'uploading' && (
        <Stack>
          <FileSummary file={step.file} fraction={step.fraction} />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                task.current?.abort();
              }}
            >
              Stop upload
            </Button>
          </Group>
        </Stack>
      )}
      {step.kind === 'preview' && (
        <PreviewStep
          file={step.file}
          upload={step.upload}
          target={target ?? null}
          onUpload={(upload) => setStep({ kind: 'preview', file: step.file, upload })}
          onAnotherFile={() => setStep({ kind: 'pick' })}
          onDone={(dataset, appendedTo) => setStep({ kind: 'done', dataset, appendedTo })}
          onCancel={close}
        />
      )}
      {step.kind === 'done' && (
        <LoadReportView
          dataset={step.dataset}
          reloaded={Boolean(target)}
          appendedTo={step.appendedTo}
          onClose={close}
          onOpen={
            onOpenDataset && !target
              ? () => {
                  const id = step.dataset.id;
                  close();
                  onOpenDataset(id);
                }
              : undefined
          }
        />
      )}
    </Modal>
  );
}

/** The file's name and size, and how much of it has been sent. */
function FileSummary({ file, fraction, format }: { file: File; fraction: number; format?: string }) {
  const percent = Math.round(fraction * 100);
  return (
    <Stack gap={6}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFile size={18} aria-hidden />
          <Text fw={600} truncate="end">
            {file.name}
          </Text>
          <Text size="sm" c="dimmed">
            {formatBytes(file.size)}
          </Text>
          {format && (
            <Badge variant="light" size="sm">
              {format.toUpperCase()}
            </Badge>
          )}
        </Group>
        <Text size="sm" c={percent === 100 ? 'teal' : 'dimmed'} aria-hidden data-testid="upload-percent">
          {percent === 100 ? (format ? 'Uploaded · 100%' : 'Reading the file… 100%') : `Uploading… ${percent}%`}
        </Text>
      </Group>
      <Progress.Root size="md" radius="xl">
        <Progress.Section
          value={percent}
          aria-label={`Upload of ${file.name}`}
          color={percent === 100 ? 'teal' : 'blue'}
          animated={percent < 100}
          striped={percent < 100}
        />
      </Progress.Root>
    </Stack>
  );
}

interface PreviewStepProps {
  file: File;
  upload: Upload;
  target: Dataset | null;
  onUpload: (upload: Upload) => void;
  onAnotherFile: () => void;
  /** With the row count before, when rows were appended. */
  onDone: (dataset: DatasetWithLoadReport, appendedTo: number | null) => void;
  onCancel: () => void;
}

function PreviewStep({ file, upload, target, onUpload, onAnotherFile, onDone, onCancel }: PreviewStepProps) {
  const preview = usePreviewUpload();
  const create = useCreateDataset();
  const load = useLoadDataset();
  const [name, setName] = useState(() => datasetNameFromFile(upload.file_name));
  const [nameError, setNameError] = useState<string | null>(null);
  const [owner, setOwner] = useState(PERSONAL_OWNER);
  const [mode, setMode] = useState<'replace' | 'append'>('replace');
  // The options being tried while the preview is read again (shown at once in the selects).
  const [pendingCsv, setPendingCsv] = useState<CsvOptions | null>(null);
  const csv = pendingCsv ?? upload.csv;

  const owners = useOwnerOptions();

  const rePreview = (next: CsvOptions) => {
    setPendingCsv(next);
    preview.mutate(
      { uploadId: upload.upload_id, csv: next },
      {
        onSuccess: (answer) => onUpload(answer),
        onSettled: () => setPendingCsv(null),
      },
    );
  };

  const changeType = (column: string, type: CsvColumnType) => {
    if (!csv) return;
    rePreview({ ...csv, columns: csv.columns.map((c) => (c.name === column ? { ...c, type } : c)) });
  };

  const saving = create.isPending || load.isPending;
  const saveError = create.error ?? load.error;

  const submit = async () => {
    setNameError(null);
    try {
      if (target) {
        const loaded = await load.mutateAsync({ id: target.id, uploadId: upload.upload_id, mode, csv: upload.csv });
        onDone(loaded, mode === 'append' ? target.row_count : null);
      } else {
        if (!name.trim()) {
          setNameError('Give the dataset a name');
          return;
        }
        onDone(
          await create.mutateAsync({
            uploadId: upload.upload_id,
            name: name.trim(),
            teamId: owner === PERSONAL_OWNER ? undefined : owner,
            csv: upload.csv,
          }),
          null,
        );
      }
    } catch (error) {
      const byField = fieldErrors(error);
      if (byField.name) setNameError(byField.name);
    }
  };

  const shownRows = upload.preview.rows.length;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ flex: 1, minWidth: 0 }}>
          <FileSummary file={file} fraction={1} format={upload.format} />
        </div>
        <Button variant="subtle" size="xs" onClick={onAnotherFile} disabled={saving}>
          Choose another file
        </Button>
      </Group>

      {csv && <CsvOptionsPanel csv={csv} disabled={preview.isPending || saving} onChange={rePreview} />}

      {preview.error && (
        <Alert color="red" role="alert" title="The preview could not be read with these options">
          {problemMessage(preview.error)} The previous options are kept.
        </Alert>
      )}

      <Stack gap={6}>
        <Group justify="space-between">
          <Title order={3} size="h5">
            Preview
          </Title>
          <Text size="xs" c="dimmed" role="status">
            {preview.isPending
              ? 'Reading the preview again…'
              : `The first ${plural(shownRows, 'row')}${upload.preview.truncated ? ' of the file' : ''}${
                  upload.csv ? '; change a column’s type to load it differently' : ''
                }`}
          </Text>
        </Group>
        <div style={{ position: 'relative' }}>
          <LoadingOverlay visible={preview.isPending} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
          {upload.preview.columns.length === 0 ? (
            <Text c="dimmed" size="sm">
              No columns were found in this file.
            </Text>
          ) : (
            <PreviewTable
              result={upload.preview}
              csvColumns={csv?.columns}
              onTypeChange={changeType}
              disabled={preview.isPending || saving}
              caption={`Preview of ${upload.file_name}`}
            />
          )}
        </div>
      </Stack>

      <BadRowsList
        rows={upload.bad_rows}
        total={upload.bad_row_count}
        title="Some rows cannot be read as they are"
        after="in the first rows. What cannot be read is left out when the data is loaded; a different column type may fix it"
      />

      {target ? (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="load-mode-label">
            What to do with the rows already there
          </Text>
          <SegmentedControl
            aria-labelledby="load-mode-label"
            value={mode}
            onChange={(value) => setMode(value as 'replace' | 'append')}
            data={[
              { value: 'replace', label: `Replace all ${formatCount(target.row_count)} rows` },
              { value: 'append', label: 'Append these rows' },
            ]}
          />
          <Text size="xs" c="dimmed">
            {mode === 'replace'
              ? 'Charts keep working as long as the columns they use are still there.'
              : 'The file must have the same columns as the dataset.'}
          </Text>
        </Stack>
      ) : (
        <Group grow align="flex-start">
          <TextInput
            label="Dataset name"
            description="How the dataset is listed; its table name for SQL is made from it"
            required
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            maxLength={200}
          />
          {owners.length > 1 && (
            <Select
              label="Owner"
              description="A team’s datasets can be used by its members"
              data={owners}
              value={owner}
              onChange={(value) => setOwner(value ?? PERSONAL_OWNER)}
              allowDeselect={false}
            />
          )}
        </Group>
      )}

      {saveError && !nameError && (
        <Alert color="red" role="alert" title={target ? 'The data could not be loaded' : 'The dataset was not created'}>
          {problemMessage(saveError)}
        </Alert>
      )}

      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button onClick={submit} loading={saving} disabled={preview.isPending}>
          {target ? (mode === 'replace' ? 'Replace data' : 'Append rows') : 'Create dataset'}
        </Button>
      </Group>
    </Stack>
  );
}

function LoadReportView({
  dataset,
  reloaded,
  appendedTo,
  onClose,
  onOpen,
}: {
  dataset: DatasetWithLoadReport;
  reloaded: boolean;
  appendedTo: number | null;
  onClose: () => void;
  onOpen: (() => void) | undefined;
}) {
  const { load } = dataset;
  return (
    <Stack>
      <Alert
        color="teal"
        icon={<IconCircleCheck size={20} />}
        title={reloaded ? 'The new data is loaded' : 'Your dataset is ready'}
        role="status"
      >
        <Text size="sm" data-testid="load-report">
          {appendedTo === null
            ? `Loaded ${plural(dataset.row_count, 'row')} into “${dataset.name}”.`
            : `Appended ${plural(dataset.row_count - appendedTo, 'row')} to “${dataset.name}”, which now has ${plural(dataset.row_count, 'row')}.`}
          {load.bad_row_count === 0
            ? ' Every row was read.'
            : load.bad_row_count === 1
              ? ' One problem was found; it is listed below.'
              : ` ${formatCount(load.bad_row_count)} problems were found; they are listed below.`}
        </Text>
        <Text size="sm" mt={4}>
          In SQL and in charts it is the table <code>{dataset.table_name}</code>.
        </Text>
      </Alert>
      <BadRowsList
        rows={load.bad_rows}
        total={load.bad_row_count}
        title="Some rows were not loaded as they are"
        after="in the file. Correct the file and replace the data to load what was left out"
      />
      <Group justify="flex-end">
        <Button variant={onOpen ? 'default' : 'filled'} onClick={onClose}>
          Done
        </Button>
        {onOpen && <Button onClick={onOpen}>Open dataset</Button>}
      </Group>
    </Stack>
  );
}
