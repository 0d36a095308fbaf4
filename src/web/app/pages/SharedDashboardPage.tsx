import { Center, Container } from '@mantine/core';
import { useParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageLoader } from '../components/PageLoader';
import { LinkStatusPage } from '../sharing/LinkStatusPage';
import { PasswordGate } from '../sharing/PasswordGate';
import { SharedDashboardView } from '../sharing/SharedDashboardView';
import { useSharedDashboard } from '../sharing/use-shared-dashboard';

/**
 * The page a share link opens, signed out and outside the app's frame: the dashboard read-only,
 * after its password where the link has one; or why the link opens nothing.
 */
export default function SharedDashboardPage() {
  const { token = '' } = useParams();
  const { view, password, unlock, retry } = useSharedDashboard(token);

  switch (view.state) {
    case 'loading':
      return <PageLoader label="Opening the shared dashboard" />;
    case 'locked':
      return (
        <PasswordGate
          checking={unlock.isPending}
          error={unlock.error}
          onSubmit={(p) => unlock.mutate(p)}
          onEdit={() => unlock.reset()}
        />
      );
    case 'expired':
    case 'not_found':
      return <LinkStatusPage reason={view.state} />;
    case 'failed':
      return (
        <Center mih="80vh">
          <Container size="sm" w="100%">
            <ErrorAlert error={view.error} title="The shared dashboard could not be opened" onRetry={retry} />
          </Container>
        </Center>
      );
    case 'open':
      return <SharedDashboardView token={token} password={password} dashboard={view.dashboard} />;
  }
}
