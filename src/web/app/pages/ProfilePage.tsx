import { Container, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { ProfileForm } from '../profile/ProfileForm';
import { ThemeControl } from '../profile/ThemeControl';
import { useProfile } from '../profile/use-profile';

/** My profile: how others see me, my time zone, and the theme. */
export default function ProfilePage() {
  const profile = useProfile();
  return (
    <Container size="sm" py="lg">
      <Stack gap="lg">
        <PageHeader title="Profile">How your teammates see you, and how OCP looks for you.</PageHeader>
        {profile.isError ? (
          <ErrorAlert
            error={profile.error}
            title="Your profile could not be loaded"
            onRetry={() => profile.refetch()}
          />
        ) : profile.isPending ? (
          <Stack role="status" aria-label="Loading your profile">
            <Skeleton h={36} />
            <Skeleton h={72} />
            <Skeleton h={36} />
          </Stack>
        ) : (
          <>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-account">
              <Title order={2} size="h4" mb="sm" id="profile-account">
                Account
              </Title>
              <ProfileForm profile={profile.data} />
            </Paper>
            <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-appearance">
              <Title order={2} size="h4" mb="sm" id="profile-appearance">
                Appearance
              </Title>
              <ThemeControl />
            </Paper>
          </>
        )}
      </Stack>
    </Container>
  );
}
