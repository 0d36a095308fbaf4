import { Alert, Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { signIn, signUp } from '../auth/auth-actions';
import { useSession } from '../auth/use-session';
import { Logo } from '../components/Logo';
import { ApiProblem, fieldErrors, formMessage } from '../lib/problems';

type Mode = 'signin' | 'signup';

const COPY = {
  signin: { title: 'Sign in to OCP', action: 'Sign in', other: 'No account yet?', otherLink: 'Create one' },
  signup: {
    title: 'Create your OCP account',
    action: 'Create account',
    other: 'Have an account?',
    otherLink: 'Sign in',
  },
} as const;

/** Sign-in and sign-up: one form, errors from the API shown beside the field they concern. */
export function AuthPage({ mode }: { mode: Mode }) {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '', displayName: '' },
    validate: {
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address'),
      password: (value) =>
        mode === 'signup' && value.length < 8 ? 'Use at least 8 characters' : value ? null : 'Enter your password',
    },
  });
  const [submitting, setSubmitting] = useState(false);
  const copy = COPY[mode];

  if (session) return <Navigate to={next} replace />;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    setSubmitting(true);
    try {
      const credentials = { email: values.email.trim(), password: values.password };
      if (mode === 'signin') await signIn(credentials);
      else await signUp({ ...credentials, displayName: values.displayName });
      navigate(next, { replace: true });
    } catch (error) {
      // An email already taken is about the email field, though the API cannot point at it.
      if (error instanceof ApiProblem && error.code === 'email_taken') {
        form.setFieldError('email', error.message);
        return;
      }
      const byField = fieldErrors(error);
      form.setErrors({
        ...(byField.email ? { email: byField.email } : {}),
        ...(byField.password ? { password: byField.password } : {}),
        ...(byField.display_name ? { displayName: byField.display_name } : {}),
      });
      setFormError(formMessage(error, ['email', 'password', 'display_name']));
    } finally {
      setSubmitting(false);
    }
  });

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Logo />
            <Title order={1} size="h2">
              {copy.title}
            </Title>
            {formError && (
              <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                {formError}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="email"
              required
              data-autofocus
              {...form.getInputProps('email')}
            />
            {mode === 'signup' && (
              <TextInput
                label="Display name"
                description="Shown to your teammates; optional"
                autoComplete="name"
                {...form.getInputProps('displayName')}
              />
            )}
            <PasswordInput
              label="Password"
              description={mode === 'signup' ? 'At least 8 characters' : undefined}
              autoComplete={mode === 'signup' ? 'new-password' : 'current-password'}
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={submitting} fullWidth>
              {copy.action}
            </Button>
            <Text size="sm" c="dimmed" ta="center">
              {copy.other}{' '}
              <Anchor
                component={Link}
                to={`${mode === 'signin' ? '/signup' : '/signin'}${params.size ? `?${params}` : ''}`}
              >
                {copy.otherLink}
              </Anchor>
            </Text>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** Only paths of this app are followed after sign-in (never another site). */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}
