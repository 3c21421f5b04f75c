import { Autocomplete, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductOption } from '../../../src-shared/contract';
import { ApiError } from '../../api';
import { errorMessage } from '../../i18n/errors';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { useSession } from '../auth/hooks';
import { productLabel } from '../customers/assets';
import { useProducts } from '../customers/hooks';
import { useSaveProduct } from './hooks';
import { groupByProductLine, productFieldErrors, type ProductField } from './products';

interface FormProps {
  /** null: a new product. */
  product: ProductOption | null;
  /** The catalog's product lines, offered so a line is typed the same way each time. */
  lines: string[];
  onSaved(product: ProductOption): void;
  onCancel(): void;
}

/** Add (product = null) or edit one catalog entry: its product line, model and name. */
function ProductForm({ product, lines, onSaved, onCancel }: FormProps) {
  const { t } = useTranslation();
  const save = useSaveProduct();
  const [productLine, setProductLine] = useState(product?.productLine ?? '');
  const [model, setModel] = useState(product?.model ?? '');
  const [name, setName] = useState(product?.name ?? '');
  const [local, setLocal] = useState<Partial<Record<ProductField, string>>>({});

  const server = save.error ? productFieldErrors(t, save.error) : {};
  const errors = { ...server, ...local };
  const general = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const values = { productLine: productLine.trim(), model: model.trim(), name: name.trim() };
    const problems: Partial<Record<ProductField, string>> = {};
    for (const [field, value] of Object.entries(values)) if (!value) problems[field as ProductField] = t('validation.required');
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({ ...(product ? { id: product.id } : {}), ...values }, { onSuccess: onSaved });
  }

  return (
    <form onSubmit={submit} noValidate data-testid="product-form">
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="product-error">
            {general}
          </Text>
        ) : null}
        <Autocomplete
          label={t('products.productLine')}
          description={t('products.productLineHint')}
          name="productLine"
          required
          maxLength={100}
          data={lines}
          value={productLine}
          onChange={setProductLine}
          error={errors.productLine}
          data-autofocus
          data-testid="product-line"
        />
        <TextInput
          label={t('products.model')}
          name="model"
          required
          maxLength={100}
          value={model}
          onChange={(e) => setModel(e.currentTarget.value)}
          error={errors.model}
          ff="monospace"
          data-testid="product-model"
        />
        <TextInput
          label={t('products.name')}
          name="name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-testid="product-name"
        />
        <FormActions saveLabel={t('products.save')} pending={save.isPending} onCancel={onCancel} testId="product-save" />
      </Stack>
    </form>
  );
}

/**
 * The product catalog (产品目录): the product lines and models that requests and installed
 * products name, kept by holders of products.manage. There is no delete: those records
 * keep referring to their product.
 */
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const canManage = session.data?.permissions.includes('products.manage') ?? false;
  const products = useProducts();
  // undefined: closed; null: a new product; a ProductOption: editing it.
  const [editing, setEditing] = useState<ProductOption | null | undefined>(undefined);

  if (!canManage) return <ErrorAlert error={new ApiError({ code: 'FORBIDDEN', message: 'products.manage needed' })} />;

  function onSaved(product: ProductOption) {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: t('products.saved', { product: productLabel(product) }) });
  }

  const groups = groupByProductLine(products.data ?? [], i18n.language);
  return (
    <Stack gap="md" maw={1000} data-testid="products-page">
      <Group justify="space-between">
        <Title order={2}>{t('products.title')}</Title>
        <Button onClick={() => setEditing(null)} data-testid="product-add">
          {t('products.add')}
        </Button>
      </Group>
      {products.isError ? <ErrorAlert error={products.error} /> : null}
      <Table withTableBorder highlightOnHover data-testid="products-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('products.model')}</Table.Th>
            <Table.Th>{t('products.name')}</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        {groups.map((group) => (
          <Table.Tbody key={group.productLine} data-testid="product-line-group" data-product-line={group.productLine}>
            <Table.Tr bg="var(--mantine-color-default-hover)">
              <Table.Th colSpan={3} scope="rowgroup">
                <Group gap="xs">
                  <Text fw={600}>{group.productLine}</Text>
                  <Text size="sm" c="dimmed">
                    {t('products.modelCount', { models: group.products.length })}
                  </Text>
                </Group>
              </Table.Th>
            </Table.Tr>
            {group.products.map((p) => (
              <Table.Tr key={p.id} data-testid="product-row">
                <Table.Td ff="monospace">{p.model}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setEditing(p)} data-testid="product-edit">
                    {t('products.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        ))}
      </Table>
      {products.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {!products.isPending && !products.isError && groups.length === 0 ? (
        <Text c="dimmed" ta="center" p="lg" data-testid="products-empty">
          {t('products.empty')}
        </Text>
      ) : null}
      <Modal opened={editing !== undefined} onClose={() => setEditing(undefined)} title={editing ? t('products.editTitle') : t('products.add')} trapFocus>
        {editing !== undefined ? (
          <ProductForm
            key={editing?.id ?? 'new'}
            product={editing}
            lines={groups.map((g) => g.productLine)}
            onSaved={onSaved}
            onCancel={() => setEditing(undefined)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}
