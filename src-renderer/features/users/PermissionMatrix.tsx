import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../src-shared/domain/roles';
import { permissionMatrix } from './accounts';

/** Roles × permissions as the system defines them (ROLE_PERMISSIONS): read-only. */
export function PermissionMatrix() {
  const { t } = useTranslation();
  const rows = permissionMatrix();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('users.matrixHint')}
      </Text>
      <Table withTableBorder withColumnBorders striped stickyHeader data-testid="permission-matrix">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.permission')}</Table.Th>
            {ROLES.map((role) => (
              <Table.Th key={role} ta="center" data-testid="permission-matrix-role" data-role={role}>
                {t(`role.${role}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.permission} data-testid="permission-matrix-row" data-permission={row.permission}>
              <Table.Th scope="row" fw={400}>
                {t(`permission.${row.permission}`)}
              </Table.Th>
              {row.roles.map(({ role, granted }) => (
                <Table.Td key={role} ta="center" data-role={role} data-granted={granted} aria-label={granted ? t('users.granted') : t('users.notGranted')}>
                  {granted ? (
                    <Text c="teal" fw={700} aria-hidden>
                      ✓
                    </Text>
                  ) : (
                    <Text c="dimmed" aria-hidden>
                      –
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
