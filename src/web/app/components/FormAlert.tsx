import { Alert } from '@mantine/core';

/** The form's error that belongs to no single field, in red above the fields; nothing when there is none. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
