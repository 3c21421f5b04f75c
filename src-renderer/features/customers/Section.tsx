import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
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

/** A listed row's edit and delete buttons (test ids `<testId>-edit`, `<testId>-delete`), in their own cell. */
export function RowActions({ editLabel, removeLabel, onEdit, onRemove, testId }: { editLabel: string; removeLabel: string; onEdit(): void; onRemove(): void; testId: string }) {
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap">
        <Button variant="subtle" size="compact-sm" onClick={onEdit} data-testid={`${testId}-edit`}>
          {editLabel}
        </Button>
        <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove} data-testid={`${testId}-delete`}>
          {removeLabel}
        </Button>
      </Group>
    </Table.Td>
  );
}
