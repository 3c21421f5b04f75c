import { Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_STRATEGIES, type AssignmentStrategy } from '../../../src-shared/contract/assignment';
import type { AssignmentRule } from '../../../src-shared/contract';
import { REGIONS } from '../../../src-shared/domain/regions';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { AvailabilityDot } from '../../ui/AvailabilityDot';
import { FormActions } from '../../ui/FormActions';
import { useProducts } from '../customers/hooks';
import { isRegion, regionName } from '../customers/provinces';
import { useProblemCategories } from '../tickets/hooks';
import { problemCategoryName } from '../tickets/vocabulary';
import { useAssignees } from '../users/hooks';
import { useSaveRule } from './hooks';

type Field = 'name' | 'position' | 'productLine' | 'problemCategoryId' | 'region' | 'strategy' | 'engineerIds';

function fieldOf(path: string): Field | null {
  if (path === 'name' || path === 'position' || path === 'productLine' || path === 'problemCategoryId' || path === 'region' || path === 'strategy') {
    return path;
  }
  return path === 'engineerIds' || path.startsWith('engineerIds.') ? 'engineerIds' : null;
}

function isStrategy(value: string): value is AssignmentStrategy {
  return (ASSIGNMENT_STRATEGIES as readonly string[]).includes(value);
}

/** Add (rule = null) or edit one automatic assignment rule. */
export function RuleForm({
  rule,
  nextPosition,
  onSaved,
  onCancel,
}: {
  rule: AssignmentRule | null;
  nextPosition: number;
  onSaved(rule: AssignmentRule): void;
  onCancel(): void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveRule();
  const products = useProducts();
  const categories = useProblemCategories();
  const assignees = useAssignees();
  const [name, setName] = useState(rule?.name ?? '');
  const [position, setPosition] = useState<number | string>(rule?.position ?? nextPosition);
  const [productLine, setProductLine] = useState(rule?.productLine ?? '');
  const [categoryId, setCategoryId] = useState(rule?.problemCategoryId ? String(rule.problemCategoryId) : '');
  // '' = customers anywhere; otherwise a REGIONS value.
  const [region, setRegion] = useState<string>(rule?.region ?? '');
  const [strategy, setStrategy] = useState<AssignmentStrategy>(rule?.strategy ?? 'least_load');
  const [active, setActive] = useState(rule?.active ?? true);
  const [engineerIds, setEngineerIds] = useState<string[]>(rule?.engineers.map((e) => String(e.id)) ?? []);
  const [local, setLocal] = useState<Partial<Record<Field, string>>>({});

  const server: Partial<Record<Field, string>> = save.error ? fieldErrors(t, save.error, fieldOf) : {};
  const errors = { ...server, ...local };
  const general = save.error && Object.keys(server).length === 0 ? errorMessage(t, save.error) : null;

  // Distinct product lines of the catalog; a rule's own line stays choosable even if no product has it any more.
  const lines = [...new Set([...(products.data ?? []).map((p) => p.productLine), ...(rule?.productLine ? [rule.productLine] : [])])].sort((a, b) =>
    a.localeCompare(b, i18n.language),
  );
  // Engineers who can own requests; a rule's engineer who no longer can is still listed so it can be removed.
  const people = [
    ...(assignees.data ?? []).map((a) => ({ id: a.id, displayName: a.displayName, available: a.available })),
    ...(rule?.engineers ?? []).filter((e) => !(assignees.data ?? []).some((a) => a.id === e.id)),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    if (save.isPending) return;
    const problems: Partial<Record<Field, string>> = {};
    if (!name.trim()) problems.name = t('validation.required');
    const pos = typeof position === 'number' ? position : position.trim() === '' ? null : Number(position);
    if (pos === null) problems.position = t('validation.required');
    else if (!Number.isInteger(pos) || pos < 0 || pos > 10_000) problems.position = t('validation.invalid');
    if (engineerIds.length === 0) problems.engineerIds = t('assignment.form.engineersRequired');
    setLocal(problems);
    if (Object.keys(problems).length > 0 || pos === null) return;
    save.mutate(
      {
        ...(rule ? { id: rule.id } : {}),
        name: name.trim(),
        position: pos,
        productLine: productLine || null,
        problemCategoryId: categoryId ? Number(categoryId) : null,
        region: isRegion(region) ? region : null,
        strategy,
        active,
        engineerIds: engineerIds.map(Number),
      },
      { onSuccess: onSaved },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="rule-form">
      <Stack gap="sm">
        {general ? (
          <Text c="red" size="sm" role="alert" data-testid="rule-error">
            {general}
          </Text>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label={t('assignment.name')}
            name="name"
            required
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            data-autofocus
            data-testid="rule-name-input"
          />
          <NumberInput
            label={t('assignment.position')}
            description={t('assignment.form.positionHint')}
            name="position"
            required
            min={0}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
            value={position}
            onChange={setPosition}
            error={errors.position}
            maw={180}
            data-testid="rule-position-input"
          />
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('assignment.productLine')}
            name="productLine"
            value={productLine}
            onChange={(e) => setProductLine(e.currentTarget.value)}
            error={errors.productLine}
            data={[{ value: '', label: t('assignment.any') }, ...lines.map((l) => ({ value: l, label: l }))]}
            data-testid="rule-product-line-select"
          />
          <NativeSelect
            label={t('assignment.problemCategory')}
            name="problemCategoryId"
            value={categoryId}
            onChange={(e) => setCategoryId(e.currentTarget.value)}
            error={errors.problemCategoryId}
            data={[
              { value: '', label: t('assignment.any') },
              ...(categories.data ?? []).map((c) => ({ value: String(c.id), label: problemCategoryName(c, i18n.language) })),
            ]}
            data-testid="rule-category-select"
          />
        </Group>
        <NativeSelect
          label={t('assignment.region')}
          description={t('assignment.regionHint')}
          name="region"
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          error={errors.region}
          data={[{ value: '', label: t('assignment.anyRegion') }, ...REGIONS.map((r) => ({ value: r, label: regionName(t, r) }))]}
          data-testid="rule-region-select"
        />
        <Radio.Group
          label={t('assignment.strategyLabel')}
          name="strategy"
          value={strategy}
          onChange={(v) => isStrategy(v) && setStrategy(v)}
          error={errors.strategy}
          data-testid="rule-strategy"
        >
          <Stack gap={6} mt={4}>
            {ASSIGNMENT_STRATEGIES.map((s) => (
              <Radio key={s} value={s} label={t(`assignment.strategy.${s}`)} description={t(`assignment.strategyHint.${s}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox.Group
          label={t('assignment.engineers')}
          description={t('assignment.form.engineersHint')}
          required
          value={engineerIds}
          onChange={setEngineerIds}
          error={errors.engineerIds}
          data-testid="rule-engineers"
        >
          <Stack gap={6} mt={4}>
            {people.map((p) => (
              <Checkbox
                key={p.id}
                value={String(p.id)}
                label={
                  <Group gap={6} wrap="nowrap" component="span">
                    <AvailabilityDot available={p.available} />
                    {p.displayName}
                  </Group>
                }
                aria-label={p.displayName}
                data-testid="rule-engineer"
              />
            ))}
            {assignees.isSuccess && people.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('assignment.form.noEngineers')}
              </Text>
            ) : null}
          </Stack>
        </Checkbox.Group>
        <Checkbox label={t('assignment.active')} name="active" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} data-testid="rule-active" />
        <FormActions saveLabel={t('assignment.save')} pending={save.isPending} onCancel={onCancel} testId="rule-submit" />
      </Stack>
    </form>
  );
}
