import { JsonInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { type Draft, parseSpecText } from './spec-draft';

/**
 * The spec as formatted JSON, editable. A valid edit flows back into the controls (and the
 * preview) at once; text that is not JSON, or not a valid spec, says why and changes nothing.
 * The text is the user's while this view is open: it is not re-formatted under their cursor.
 */
export function JsonView({ draft, onChange }: { draft: Draft; onChange: (draft: Draft) => void }) {
  const [text, setText] = useState(() => JSON.stringify(draft, null, 2));
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">
        The chart spec as it will be saved. Edits that make a valid spec apply to the preview right away.
      </Text>
      <JsonInput
        label="Chart spec (JSON)"
        value={text}
        onChange={(next) => {
          setText(next);
          const parsed = parseSpecText(next);
          if ('error' in parsed) setError(parsed.error);
          else {
            setError(null);
            onChange(parsed.draft);
          }
        }}
        error={error}
        autosize
        minRows={18}
        maxRows={40}
        spellCheck={false}
        styles={{ input: { fontSize: 12 } }}
      />
    </Stack>
  );
}
