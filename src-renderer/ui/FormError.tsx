import { Text } from '@mantine/core';

/** A form's refusal that belongs to no one field, above the fields; nothing when `message` is null. */
export function FormError({ message, testId }: { message: string | null; testId: string }) {
  if (!message) return null;
  return (
    <Text c="red" size="sm" role="alert" data-testid={testId}>
      {message}
    </Text>
  );
}
