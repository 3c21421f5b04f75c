import { Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** One section of the customer 360 page: a title, an optional action beside it, the content. */
export function Section({ title, testId, action, children, id }: { title: string; testId: string; action?: ReactNode; children: ReactNode; id?: string }) {
  return (
    <Paper withBorder p="md" data-testid={testId} id={id}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{title}</Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

/** What a section says when it has nothing to list. */
export function Empty({ text, testId }: { text: string; testId: string }) {
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {text}
    </Text>
  );
}
