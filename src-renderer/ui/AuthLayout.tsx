import { Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages shown before there is a session: setup and sign-in. */
export function AuthLayout({ children, width = 420 }: { children: ReactNode; width?: number }) {
  const { t } = useTranslation();
  return (
    <Stack mih="100dvh" gap={0} bg="var(--mantine-color-body)">
      <Group justify="space-between" p="md">
        <Text fw={700} c="teal">
          {t('app.name')}
        </Text>
        <Group gap="xs">
          <LanguageSwitch />
          <ColorSchemeToggle />
        </Group>
      </Group>
      <Center flex={1} p="md">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={width}>
          {children}
        </Paper>
      </Center>
    </Stack>
  );
}
