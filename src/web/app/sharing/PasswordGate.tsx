import { Button, Center, Paper, PasswordInput, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { ApiProblem, problemMessage } from '../lib/problems';

interface PasswordGateProps {
  checking: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  /** Called when the password is edited, so that an earlier refusal no longer shows. */
  onEdit: () => void;
}

function passwordError(error: unknown): string | null {
  if (!error) return null;
  if (error instanceof ApiProblem && error.code === 'share_link_password_wrong')
    return 'That password is not right. Check it with the person who shared the link and try again.';
  if (error instanceof ApiProblem && error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
  return problemMessage(error);
}

/** Asks for a protected link's password. */
export function PasswordGate({ checking, error, onSubmit, onEdit }: PasswordGateProps) {
  const form = useForm({
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : 'Enter the password') },
    onValuesChange: () => {
      if (error) onEdit();
    },
  });
  const wrong = passwordError(error);
  const fieldError = form.errors.password ?? wrong ?? undefined;
  return (
    <Center mih="80vh" p="md">
      <Paper withBorder radius="md" p="xl" w="100%" maw={420} shadow="sm">
        <form onSubmit={form.onSubmit(({ password }) => onSubmit(password))} noValidate>
          <Stack gap="md">
            <Stack gap="xs" align="center">
              <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
                <IconLock size={26} />
              </ThemeIcon>
              <Title order={1} size="h3" ta="center">
                This dashboard is protected
              </Title>
              <Text size="sm" c="dimmed" ta="center">
                Enter the password you were given with the link.
              </Text>
            </Stack>
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              data-autofocus
              autoFocus
              {...form.getInputProps('password')}
              error={fieldError}
              // Mantine marks its own inner input only with data-invalid; assistive technology reads aria-invalid.
              aria-invalid={fieldError !== undefined}
            />
            <Button type="submit" loading={checking} fullWidth>
              View dashboard
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
