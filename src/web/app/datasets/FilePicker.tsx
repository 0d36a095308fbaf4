import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type DragEvent, useRef, useState } from 'react';

export const ACCEPTED_FILES = '.csv,.tsv,.txt,.json,.ndjson,.jsonl,.parquet,text/csv,application/json';

/** A drop area with a "Choose a file" button (a plain file input underneath). */
export function FilePicker({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <Paper
      withBorder
      radius="md"
      p="xl"
      onDragOver={(event: DragEvent<HTMLDivElement>) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: dragging ? 'var(--mantine-primary-color-filled)' : undefined,
        background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack align="center" gap="xs">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          <IconFileUpload size={26} />
        </ThemeIcon>
        <Text fw={600}>Drop a file here</Text>
        <Text size="sm" c="dimmed" ta="center">
          CSV or TSV (any delimiter, decimal commas and day-first dates are detected), JSON, NDJSON or Parquet.
        </Text>
        <Button variant="light" onClick={() => input.current?.click()} disabled={disabled ?? false}>
          Choose a file
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPTED_FILES}
          aria-label="File to upload"
          hidden
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            // Cleared, so that choosing the same file again is noticed.
            event.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </Stack>
    </Paper>
  );
}
