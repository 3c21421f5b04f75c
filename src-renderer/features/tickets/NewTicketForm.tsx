import { Button, Checkbox, Group, Kbd, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary, TicketDetail } from '../../../src-shared/contract';
import { HOLD_REASONS, type HoldReason } from '../../../src-shared/domain/lifecycle';
import {
  COMPLAINT_PARTIES,
  COMPLAINT_SEVERITIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_TYPES,
  type ComplaintParty,
  type ComplaintSeverity,
  type TicketChannel,
  type TicketPriority,
  type TicketType,
} from '../../../src-shared/domain/tickets';
import { errorMessage, fieldErrors } from '../../i18n/errors';
import { productLabel } from '../customers/assets';
import { CustomerPicker, type CustomerChoice } from '../customers/CustomerPicker';
import { CustomerServicePanel } from '../customers/CustomerServicePanel';
import { PossibleDuplicates } from '../customers/PossibleDuplicates';
import { isProvinceCode, provinceGroups } from '../customers/provinces';
import { useProducts } from '../customers/hooks';
import { useAssignees } from '../users/hooks';
import { useCreateTicket, useProblemCategories, type CreateTicketInput } from './hooks';
import { problemCategoryName } from './vocabulary';

type Field =
  | 'customer'
  | 'customerPhone'
  | 'province'
  | 'contact'
  | 'contactName'
  | 'contactPhone'
  | 'product'
  | 'type'
  | 'priority'
  | 'channel'
  | 'subject'
  | 'description'
  | 'problemCategory'
  | 'analysis'
  | 'holdReason'
  | 'requestedBy'
  | 'complaintSeverity'
  | 'complaintParty'
  | 'complaintPartyUser';

/** Input paths of tickets.create → the form field that shows the problem. */
function fieldOf(path: string): Field | null {
  if (path === 'customer.phone') return 'customerPhone';
  if (path === 'customer.province') return 'province';
  if (path === 'customer' || path.startsWith('customer.')) return 'customer';
  if (path === 'contact.name') return 'contactName';
  if (path === 'contact.phone') return 'contactPhone';
  if (path === 'contact' || path.startsWith('contact.')) return 'contact';
  if (path === 'productId') return 'product';
  if (path === 'problemCategoryId') return 'problemCategory';
  if (path === 'holdReason' || path === 'initialStatus') return 'holdReason';
  if (path === 'analysis') return 'analysis';
  if (path === 'complaint.severity') return 'complaintSeverity';
  if (path === 'complaint.partyUserId') return 'complaintPartyUser';
  if (path === 'complaint.party') return 'complaintParty';
  // "A complaint needs its details" (or details on another type) belongs to the type.
  if (path === 'complaint' || path.startsWith('complaint.')) return 'type';
  if (path === 'type' || path === 'priority' || path === 'channel' || path === 'subject' || path === 'description' || path === 'requestedBy') {
    return path;
  }
  return null;
}

const NEW_CONTACT = 'new';

/** The contact select's value for a chosen customer: their first contact, '' for none. */
function firstContactChoice(customer: CustomerSummary | null): string {
  const first = customer?.contacts[0];
  return first ? String(first.id) : '';
}

interface Props {
  /** A customer already chosen, e.g. when the form is opened from their 360 page. */
  initialCustomer?: CustomerSummary | null;
  onCreated(ticket: TicketDetail): void;
  onCancel(): void;
}

export function NewTicketForm({ initialCustomer = null, onCreated, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const create = useCreateTicket();
  const products = useProducts();
  const categories = useProblemCategories();
  const assignees = useAssignees();

  const [customerText, setCustomerText] = useState(initialCustomer?.name ?? '');
  const [customer, setCustomer] = useState<CustomerChoice | null>(initialCustomer ? { kind: 'existing', customer: initialCustomer } : null);
  const [customerPhone, setCustomerPhone] = useState('');
  // '' = not specified; otherwise a PROVINCE_CODES value.
  const [province, setProvince] = useState('');
  const [contactChoice, setContactChoice] = useState(firstContactChoice(initialCustomer));
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [productId, setProductId] = useState('');
  const [type, setType] = useState<TicketType>('repair');
  const [priority, setPriority] = useState<TicketPriority>('normal');
  const [channel, setChannel] = useState<TicketChannel>('phone');
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [requestedBy, setRequestedBy] = useState('');
  const [problemCategoryId, setProblemCategoryId] = useState('');
  const [analysis, setAnalysis] = useState('');
  const [onHold, setOnHold] = useState(false);
  const [holdReason, setHoldReason] = useState<HoldReason>('waiting_customer');
  const [severity, setSeverity] = useState<ComplaintSeverity>('medium');
  const [party, setParty] = useState<ComplaintParty>('product');
  const [partyUserId, setPartyUserId] = useState('');
  const [localErrors, setLocalErrors] = useState<Partial<Record<Field, string>>>({});

  const serverErrors: Partial<Record<Field, string>> = create.error ? fieldErrors(t, create.error, fieldOf) : {};
  const errors = { ...serverErrors, ...localErrors };
  const generalError = create.error && Object.keys(serverErrors).length === 0 ? errorMessage(t, create.error) : null;

  const hasDraft = [subject, description, analysis, requestedBy].some((v) => v.trim() !== '');
  const contacts = customer?.kind === 'existing' ? customer.customer.contacts : [];
  const newContact = customer?.kind === 'new' || contactChoice === NEW_CONTACT;

  function chooseCustomer(choice: CustomerChoice | null) {
    setCustomer(choice);
    setLocalErrors({});
    setContactChoice(firstContactChoice(choice?.kind === 'existing' ? choice.customer : null));
  }

  function buildInput(): CreateTicketInput | null {
    if (!customer) {
      setLocalErrors({ customer: customerText.trim() ? t('newTicket.chooseCustomer') : t('validation.required') });
      return null;
    }
    setLocalErrors({});
    const input: CreateTicketInput = {
      customer:
        customer.kind === 'existing'
          ? { id: customer.customer.id }
          : {
              name: customer.name,
              ...(customerPhone.trim() ? { phone: customerPhone.trim() } : {}),
              ...(isProvinceCode(province) ? { province } : {}),
            },
      type,
      priority,
      channel,
      subject,
      description,
    };
    if (newContact) {
      if (contactName.trim() || contactPhone.trim()) {
        input.contact = { name: contactName, ...(contactPhone.trim() ? { phone: contactPhone.trim() } : {}) };
      }
    } else if (contactChoice) {
      input.contact = { id: Number(contactChoice) };
    }
    if (productId) input.productId = Number(productId);
    if (requestedBy) input.requestedBy = requestedBy;
    if (problemCategoryId) input.problemCategoryId = Number(problemCategoryId);
    if (analysis.trim()) input.analysis = analysis;
    if (type === 'complaint') {
      input.complaint = { severity, party, ...(party === 'engineer' && partyUserId ? { partyUserId: Number(partyUserId) } : {}) };
    }
    if (onHold) {
      input.initialStatus = 'on_hold';
      input.holdReason = holdReason;
    }
    return input;
  }

  function submit() {
    if (create.isPending) return;
    const input = buildInput();
    if (!input) return;
    create.mutate(input, { onSuccess: onCreated });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  }

  const option = (value: string, label: string) => ({ value, label });

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate data-testid="new-ticket-form">
      <Stack gap="sm">
        {generalError ? (
          <Text c="red" size="sm" role="alert" data-testid="new-ticket-error">
            {generalError}
          </Text>
        ) : null}
        <CustomerPicker
          text={customerText}
          onTextChange={setCustomerText}
          value={customer}
          onChange={chooseCustomer}
          error={errors.customer}
          // With the customer given, the agent starts on the subject.
          autoFocus={!initialCustomer}
        />
        {customer?.kind === 'new' ? (
          // The new customer's phone, then the province its requests are routed by (tab order: phone → province → contact).
          <SimpleGrid cols={2}>
            <TextInput
              label={t('newTicket.customerPhone')}
              name="customerPhone"
              type="tel"
              value={customerPhone}
              onChange={(e) => setCustomerPhone(e.currentTarget.value)}
              error={errors.customerPhone}
            />
            <NativeSelect
              label={t('newTicket.province')}
              name="province"
              value={province}
              onChange={(e) => setProvince(e.currentTarget.value)}
              error={errors.province}
              data-testid="province-select"
              data={[option('', t('newTicket.provinceNone')), ...provinceGroups(t, i18n.language)]}
            />
          </SimpleGrid>
        ) : null}
        {customer?.kind === 'new' ? (
          <PossibleDuplicates
            name={customer.name}
            phone={customerPhone}
            onUse={(existing) => {
              chooseCustomer({ kind: 'existing', customer: existing });
              setCustomerText(existing.name);
            }}
          />
        ) : null}
        {customer?.kind === 'existing' ? (
          // Following a link out closes the form only while nothing but the customer was typed;
          // with a draft the form stays, and the page behind it changes.
          <CustomerServicePanel customerId={customer.customer.id} onLeave={hasDraft ? undefined : onCancel} />
        ) : null}
        {customer?.kind === 'existing' ? (
          <NativeSelect
            label={t('newTicket.contact')}
            name="contact"
            value={contactChoice}
            onChange={(e) => setContactChoice(e.currentTarget.value)}
            error={errors.contact}
            data={[
              option('', t('newTicket.contactNone')),
              ...contacts.map((c) => option(String(c.id), c.phone ? `${c.name} · ${c.phone}` : c.name)),
              option(NEW_CONTACT, t('newTicket.contactNew')),
            ]}
          />
        ) : null}
        {newContact ? (
          <SimpleGrid cols={2}>
            <TextInput
              label={t('newTicket.contactName')}
              name="contactName"
              value={contactName}
              onChange={(e) => setContactName(e.currentTarget.value)}
              error={errors.contactName ?? (customer?.kind === 'new' ? errors.contact : undefined)}
            />
            <TextInput
              label={t('newTicket.contactPhone')}
              name="contactPhone"
              type="tel"
              value={contactPhone}
              onChange={(e) => setContactPhone(e.currentTarget.value)}
              error={errors.contactPhone}
            />
          </SimpleGrid>
        ) : null}
        <NativeSelect
          label={t('newTicket.product')}
          name="product"
          value={productId}
          onChange={(e) => setProductId(e.currentTarget.value)}
          error={errors.product}
          data={[
            option('', t('newTicket.productNone')),
            ...(products.data ?? []).map((p) => option(String(p.id), productLabel(p))),
          ]}
        />
        <SimpleGrid cols={3}>
          <NativeSelect
            label={t('ticket.field.type')}
            name="type"
            value={type}
            onChange={(e) => setType(e.currentTarget.value as TicketType)}
            error={errors.type}
            data={TICKET_TYPES.map((v) => option(v, t(`ticket.type.${v}`)))}
          />
          <NativeSelect
            label={t('ticket.field.priority')}
            name="priority"
            value={priority}
            onChange={(e) => setPriority(e.currentTarget.value as TicketPriority)}
            error={errors.priority}
            data={TICKET_PRIORITIES.map((v) => option(v, t(`ticket.priority.${v}`)))}
          />
          <NativeSelect
            label={t('ticket.field.channel')}
            name="channel"
            value={channel}
            onChange={(e) => setChannel(e.currentTarget.value as TicketChannel)}
            error={errors.channel}
            data={TICKET_CHANNELS.map((v) => option(v, t(`ticket.channel.${v}`)))}
          />
        </SimpleGrid>
        {type === 'complaint' ? (
          <SimpleGrid cols={3} data-testid="complaint-fields">
            <NativeSelect
              label={t('complaint.severity')}
              name="complaintSeverity"
              required
              value={severity}
              onChange={(e) => setSeverity(e.currentTarget.value as ComplaintSeverity)}
              error={errors.complaintSeverity}
              data-testid="complaint-severity-select"
              data={COMPLAINT_SEVERITIES.map((v) => option(v, t(`complaint.severityLevel.${v}`)))}
            />
            <NativeSelect
              label={t('complaint.party')}
              name="complaintParty"
              required
              value={party}
              onChange={(e) => setParty(e.currentTarget.value as ComplaintParty)}
              error={errors.complaintParty}
              data-testid="complaint-party-select"
              data={COMPLAINT_PARTIES.map((v) => option(v, t(`complaint.partyKind.${v}`)))}
            />
            {party === 'engineer' ? (
              <NativeSelect
                label={t('complaint.partyUser')}
                name="complaintPartyUser"
                value={partyUserId}
                onChange={(e) => setPartyUserId(e.currentTarget.value)}
                error={errors.complaintPartyUser}
                data-testid="complaint-engineer-select"
                data={[
                  option('', t('complaint.partyUserNone')),
                  ...(assignees.data ?? []).map((u) => option(String(u.id), u.displayName)),
                ]}
              />
            ) : null}
          </SimpleGrid>
        ) : null}
        <TextInput
          label={t('ticket.field.subject')}
          name="subject"
          required
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={errors.subject}
          data-autofocus={initialCustomer ? true : undefined}
          data-testid="subject-input"
        />
        <Textarea
          label={t('ticket.field.description')}
          name="description"
          autosize
          minRows={3}
          maxRows={8}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
        <NativeSelect
          label={t('newTicket.problemCategory')}
          name="problemCategory"
          value={problemCategoryId}
          onChange={(e) => setProblemCategoryId(e.currentTarget.value)}
          error={errors.problemCategory}
          data-testid="problem-category-select"
          data={[
            option('', t('newTicket.problemCategoryNone')),
            ...(categories.data ?? []).map((c) => option(String(c.id), problemCategoryName(c, i18n.language))),
          ]}
        />
        <Textarea
          label={t('newTicket.analysis')}
          placeholder={t('newTicket.analysisPlaceholder')}
          name="analysis"
          autosize
          minRows={2}
          maxRows={6}
          maxLength={5000}
          value={analysis}
          onChange={(e) => setAnalysis(e.currentTarget.value)}
          error={errors.analysis}
          data-testid="analysis-input"
        />
        <Group align="flex-end" gap="lg">
          <TextInput
            label={t('ticket.field.requestedBy')}
            name="requestedBy"
            type="date"
            value={requestedBy}
            onChange={(e) => setRequestedBy(e.currentTarget.value)}
            error={errors.requestedBy}
            w={200}
          />
          <Checkbox
            label={t('newTicket.startOnHold')}
            name="startOnHold"
            checked={onHold}
            onChange={(e) => setOnHold(e.currentTarget.checked)}
            mb={8}
            data-testid="start-on-hold"
          />
        </Group>
        {onHold ? (
          <NativeSelect
            label={t('newTicket.holdReason')}
            name="holdReason"
            required
            value={holdReason}
            onChange={(e) => setHoldReason(e.currentTarget.value as HoldReason)}
            error={errors.holdReason}
            w={260}
            data-testid="hold-reason-select"
            data={HOLD_REASONS.map((r) => option(r, t(`lifecycle.holdReason.${r}`)))}
          />
        ) : null}
        <Group justify="space-between" mt="sm">
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> {t('newTicket.submitHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="new-ticket-submit">
              {t('newTicket.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

