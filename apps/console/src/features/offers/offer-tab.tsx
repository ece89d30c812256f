import '@mantine/dates/styles.css';
import {
  Alert,
  Badge,
  Button,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { DateInput, DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { nowForPicker, pickerToIso } from '../prospects/date-time';
import { FormError } from '../prospects/form-error';
import {
  Brief,
  Contact,
  Offer,
  ProspectDetail,
  useBrief,
  useContacts,
  useDefences,
  useOffers,
} from '../prospects/queries';
import { useWrite } from '../prospects/use-write';

const CURRENCIES = ['HUF', 'EUR'] as const;
const CHANNELS = ['in_person', 'video', 'phone', 'email', 'letter'] as const;
const OUTCOMES = ['accepted', 'changes_requested', 'rejected'] as const;
const EDITABLE = ['draft', 'rejected', 'pending_approval'];

interface ItemDraft {
  productId: string;
  description: string;
  quantity: number | string;
  unitPrice: number | string;
  needIds: string[];
}

interface Draft {
  currency: string;
  items: ItemDraft[];
  paymentDays: number | string;
  deliveryText: string;
  deliveryDays: number | string;
  discountPercent: number | string;
  validUntil: string | null;
}

const newItem = (): ItemDraft => ({ productId: '', description: '', quantity: 1, unitPrice: '', needIds: [] });

function draftOf(offer: Offer | null): Draft {
  if (!offer)
    return {
      currency: 'HUF',
      items: [newItem()],
      paymentDays: 30,
      deliveryText: '',
      deliveryDays: '',
      discountPercent: 0,
      validUntil: dayjs().add(30, 'day').format('YYYY-MM-DD'),
    };
  return {
    currency: offer.currency,
    items: offer.items.map((i) => ({
      productId: i.productId,
      description: i.description,
      quantity: i.quantity,
      unitPrice: i.unitPriceMinor / 100,
      needIds: i.needIds,
    })),
    paymentDays: offer.paymentDays,
    deliveryText: offer.delivery.text ?? '',
    deliveryDays: offer.delivery.days ?? '',
    discountPercent: offer.discountPercent,
    validUntil: offer.validUntil,
  };
}

const num = (value: number | string) => (value === '' ? NaN : Number(value));

function termsOf(d: Draft) {
  return {
    items: d.items.map((i) => ({
      productId: i.productId.trim(),
      description: i.description.trim(),
      quantity: num(i.quantity),
      unitPriceMinor: Math.round(num(i.unitPrice) * 100),
      currency: d.currency,
      needIds: i.needIds,
    })),
    paymentDays: num(d.paymentDays),
    delivery: {
      text: d.deliveryText.trim() || undefined,
      days: d.deliveryDays === '' ? undefined : num(d.deliveryDays),
    },
    discountPercent: num(d.discountPercent),
    validUntil: d.validUntil ?? '',
  };
}

function OfferForm({ prospectId, offer, brief }: { prospectId: string; offer: Offer | null; brief: Brief }) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  const [draft, setDraft] = useState<Draft>(() => draftOf(offer));
  const [tried, setTried] = useState(false);
  const needs = brief.needs.map((n) => ({ value: n.id, label: n.text }));
  const save = useWrite(
    prospectId,
    () =>
      offer
        ? unwrap(
            api.PATCH('/api/offers/{id}', {
              params: { path: { id: offer.id } },
              body: { ...termsOf(draft), version: offer.version },
            }),
          )
        : unwrap(
            api.POST('/api/prospects/{id}/offers', { params: { path: { id: prospectId } }, body: termsOf(draft) }),
          ),
    t('saved'),
  );
  const missing = (value: unknown) =>
    tried && (value === '' || value === null || Number.isNaN(value)) ? t('prospects:form.required') : undefined;
  const valid = () =>
    draft.items.every((i) => i.productId.trim() && i.description.trim() && i.quantity !== '' && i.unitPrice !== '') &&
    draft.paymentDays !== '' &&
    draft.discountPercent !== '' &&
    !!draft.validUntil;
  const setItem = (index: number, patch: Partial<ItemDraft>) =>
    setDraft((d) => ({ ...d, items: d.items.map((i, n) => (n === index ? { ...i, ...patch } : i)) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (valid()) save.mutate(undefined);
  };
  const decimals = draft.currency === 'HUF' ? 0 : 2;

  return (
    <form onSubmit={submit} noValidate aria-label={offer ? t('version', { n: offer.number }) : t('create')}>
      <Stack gap="sm">
        <Select
          label={t('currency')}
          required
          data={[...CURRENCIES]}
          value={draft.currency}
          onChange={(value) => setDraft((d) => ({ ...d, currency: value ?? 'HUF' }))}
          allowDeselect={false}
          w={140}
          error={save.fieldError('items.0.currency')}
        />
        <Title order={3} size="h5">
          {t('items.title')}
        </Title>
        {draft.items.map((item, index) => {
          const line = num(item.quantity) * Math.round(num(item.unitPrice) * 100);
          return (
            <Paper
              key={index}
              withBorder
              p="sm"
              radius="sm"
              component="fieldset"
              aria-label={t('items.item', { n: index + 1 })}
            >
              <Stack gap="xs">
                <Group grow align="flex-start" wrap="wrap">
                  <TextInput
                    label={t('items.product')}
                    required
                    value={item.productId}
                    onChange={(e) => setItem(index, { productId: e.currentTarget.value })}
                    error={missing(item.productId.trim()) ?? save.fieldError(`items.${index}.productId`)}
                    miw={140}
                  />
                  <TextInput
                    label={t('items.description')}
                    required
                    value={item.description}
                    onChange={(e) => setItem(index, { description: e.currentTarget.value })}
                    error={missing(item.description.trim()) ?? save.fieldError(`items.${index}.description`)}
                    miw={200}
                  />
                </Group>
                <Group grow align="flex-start" wrap="wrap">
                  <NumberInput
                    label={t('items.quantity')}
                    required
                    min={0}
                    decimalScale={4}
                    value={item.quantity}
                    onChange={(value) => setItem(index, { quantity: value })}
                    error={missing(item.quantity) ?? save.fieldError(`items.${index}.quantity`)}
                    miw={100}
                  />
                  <NumberInput
                    label={t('items.unitPrice', { currency: draft.currency })}
                    required
                    min={0}
                    decimalScale={decimals}
                    thousandSeparator=" "
                    value={item.unitPrice}
                    onChange={(value) => setItem(index, { unitPrice: value })}
                    error={missing(item.unitPrice) ?? save.fieldError(`items.${index}.unitPriceMinor`)}
                    miw={140}
                  />
                </Group>
                <MultiSelect
                  searchable
                  label={t('items.needs')}
                  data={needs}
                  value={item.needIds}
                  onChange={(value) => setItem(index, { needIds: value })}
                  error={save.fieldError(`items.${index}.needIds`)}
                />
                <Group justify="space-between">
                  <Text size="sm" c="gray.7">
                    {t('items.lineTotal', { amount: Number.isFinite(line) ? f.money(line, draft.currency) : '–' })}
                  </Text>
                  {draft.items.length > 1 ? (
                    <Button
                      variant="subtle"
                      color="red.8"
                      size="xs"
                      onClick={() => setDraft((d) => ({ ...d, items: d.items.filter((_, n) => n !== index) }))}
                    >
                      {t('items.remove', { n: index + 1 })}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Paper>
          );
        })}
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => setDraft((d) => ({ ...d, items: [...d.items, newItem()] }))}
          >
            {t('items.add')}
          </Button>
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <NumberInput
            label={t('paymentDays')}
            required
            min={0}
            max={3650}
            decimalScale={0}
            value={draft.paymentDays}
            onChange={(value) => setDraft((d) => ({ ...d, paymentDays: value }))}
            error={missing(draft.paymentDays) ?? save.fieldError('paymentDays')}
            miw={140}
          />
          <NumberInput
            label={t('discount')}
            required
            min={0}
            max={100}
            decimalScale={2}
            value={draft.discountPercent}
            onChange={(value) => setDraft((d) => ({ ...d, discountPercent: value }))}
            error={missing(draft.discountPercent) ?? save.fieldError('discountPercent')}
            miw={140}
          />
          <DateInput
            label={t('validUntil')}
            required
            valueFormat="YYYY-MM-DD"
            value={draft.validUntil}
            onChange={(value) => setDraft((d) => ({ ...d, validUntil: value }))}
            error={missing(draft.validUntil) ?? save.fieldError('validUntil')}
            miw={160}
          />
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('deliveryText')}
            value={draft.deliveryText}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setDraft((d) => ({ ...d, deliveryText: value }));
            }}
            error={save.fieldError('delivery.text')}
            miw={200}
          />
          <NumberInput
            label={t('deliveryDays')}
            min={0}
            decimalScale={0}
            value={draft.deliveryDays}
            onChange={(value) => setDraft((d) => ({ ...d, deliveryDays: value }))}
            error={save.fieldError('delivery.days')}
            miw={140}
          />
        </Group>
        {save.apiError && !save.apiError.body.fields?.length ? <FormError error={save.apiError} /> : null}
        <Group>
          <Button type="submit" variant={offer ? 'default' : 'filled'} loading={save.isPending}>
            {offer ? t('save') : t('create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function OfferSummary({ offer, brief }: { offer: Offer; brief: Brief | null }) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  const needText = (id: string) => brief?.needs.find((n) => n.id === id)?.text ?? id;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('items.description')}</Table.Th>
              <Table.Th>{t('items.needs')}</Table.Th>
              <Table.Th ta="right">{t('items.quantity')}</Table.Th>
              <Table.Th ta="right">{t('items.unitPrice', { currency: offer.currency })}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offer.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {item.description}
                  </Text>
                  <Text size="xs" c="gray.7">
                    {item.productId}
                  </Text>
                </Table.Td>
                <Table.Td>{item.needIds.map(needText).join('; ')}</Table.Td>
                <Table.Td ta="right">{f.number(item.quantity)}</Table.Td>
                <Table.Td ta="right">{f.money(item.unitPriceMinor, item.currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="lg" wrap="wrap">
        <Text size="sm">{t('terms.payment', { count: offer.paymentDays })}</Text>
        {offer.delivery.text ? <Text size="sm">{t('terms.delivery', { text: offer.delivery.text })}</Text> : null}
        {offer.delivery.days !== null ? (
          <Text size="sm">{t('terms.deliveryDays', { count: offer.delivery.days })}</Text>
        ) : null}
        <Text size="sm">{t('terms.discount', { percent: f.number(offer.discountPercent) })}</Text>
        <Text size="sm">{t('terms.valid', { date: f.date(offer.validUntil) })}</Text>
      </Group>
      <Text fw={700}>{t('total', { amount: f.money(offer.totalMinor, offer.currency) })}</Text>
    </Stack>
  );
}

function DefenceForm({ prospectId, offer, contacts }: { prospectId: string; offer: Offer; contacts: Contact[] }) {
  const { t } = useTranslation('offers');
  const [heldAt, setHeldAt] = useState<string | null>(nowForPicker());
  const [channel, setChannel] = useState<string | null>(null);
  const [attendees, setAttendees] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const write = useWrite(
    prospectId,
    () =>
      unwrap(
        api.POST('/api/offers/{id}/defences', {
          params: { path: { id: offer.id } },
          body: {
            heldAt: pickerToIso(heldAt)!,
            channel: channel as (typeof CHANNELS)[number],
            attendeeContactIds: attendees,
            outcome: outcome as (typeof OUTCOMES)[number],
            note: note.trim() || undefined,
          },
        }),
      ),
    t('defence.recorded'),
  );
  const required = (value: unknown) =>
    tried && (!value || (Array.isArray(value) && value.length === 0)) ? t('prospects:form.required') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    // The channel is not judged here: the server says why e-mail, phone or a letter is not a defence.
    if (!pickerToIso(heldAt) || !channel || attendees.length === 0 || !outcome) return;
    write.mutate(undefined);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('defence.title')}>
      <Stack gap="sm">
        <Group grow align="flex-start" wrap="wrap">
          <DateTimePicker
            label={t('defence.heldAt')}
            required
            value={heldAt}
            onChange={setHeldAt}
            valueFormat="YYYY-MM-DD HH:mm"
            submitButtonProps={{ 'aria-label': t('defence.pickerDone') }}
            error={required(pickerToIso(heldAt)) ?? write.fieldError('heldAt')}
            miw={200}
          />
          <Select
            label={t('defence.channel')}
            required
            data={CHANNELS.map((c) => ({ value: c, label: t(`defence.channels.${c}`) }))}
            value={channel}
            onChange={setChannel}
            error={required(channel) ?? write.fieldError('channel')}
            miw={180}
          />
        </Group>
        <MultiSelect
          searchable
          label={t('defence.attendees')}
          required
          data={contacts.map((c) => ({
            value: c.id,
            label: c.isDecisionMaker ? t('prospects:meetings.contactDecisionMaker', { name: c.name }) : c.name,
          }))}
          value={attendees}
          onChange={setAttendees}
          error={required(attendees) ?? write.fieldError('attendeeContactIds')}
        />
        <Select
          label={t('defence.outcome')}
          required
          data={OUTCOMES.map((o) => ({ value: o, label: t(`defence.outcomes.${o}`) }))}
          value={outcome}
          onChange={setOutcome}
          error={required(outcome) ?? write.fieldError('outcome')}
        />
        <Textarea
          label={t('defence.note')}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={write.fieldError('note')}
        />
        {write.apiError && !write.fieldError('channel') ? <FormError error={write.apiError} /> : null}
        <Group>
          <Button type="submit" loading={write.isPending}>
            {t('defence.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Defences({ prospectId, offer }: { prospectId: string; offer: Offer }) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  const defences = useDefences(prospectId, offer.id);
  if (!defences.data?.length) return null;
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('defence.list')}
      </Title>
      {defences.data.map((d) => (
        <Text size="sm" key={d.id}>
          {t('defence.entry', {
            when: f.dateTime(d.heldAt),
            channel: t(`defence.channels.${d.channel}`),
            outcome: t(`defence.outcomes.${d.outcome}`),
          })}
        </Text>
      ))}
    </Stack>
  );
}

const statusColor: Record<string, string> = {
  draft: 'gray.7',
  pending_approval: 'grape.9',
  approved: 'teal.9',
  rejected: 'red.8',
  changes_requested: 'grape.9',
  accepted: 'teal.9',
  declined: 'red.8',
  superseded: 'gray.7',
};

/** The commercial offer: versions and status, the draft form linked to the brief's needs, submit, revise, defence. */
export function OfferTab({ prospect, readOnly }: { prospect: ProspectDetail; readOnly: boolean }) {
  const { t } = useTranslation('offers');
  const f = useFormat();
  const offers = useOffers(prospect.id);
  const brief = useBrief(prospect.id);
  const contacts = useContacts(prospect.id);
  const id = prospect.id;
  const list = [...(offers.data ?? [])].sort((a, b) => b.number - a.number);
  const current = list[0] ?? null;
  const submitWrite = useWrite(
    id,
    (offer: Offer) =>
      unwrap(
        api.POST('/api/offers/{id}/submit', { params: { path: { id: offer.id } }, body: { version: offer.version } }),
      ),
    t('submitted'),
  );
  const reviseWrite = useWrite(
    id,
    (offer: Offer) =>
      unwrap(
        api.POST('/api/offers/{id}/revisions', {
          params: { path: { id: offer.id } },
          body: { version: offer.version },
        }),
      ),
    t('revised'),
  );

  let body;
  if (offers.isPending || brief.isPending || contacts.isPending) body = <Loading />;
  else if (offers.isError) body = <ErrorState error={offers.error} onRetry={() => void offers.refetch()} />;
  else if (brief.isError) body = <ErrorState error={brief.error} onRetry={() => void brief.refetch()} />;
  else if (!current && (!brief.data?.completedAt || prospect.stage !== 'offer_formation'))
    body = (
      <Alert color="gray" variant="light">
        {t('notYet')}
      </Alert>
    );
  else {
    const editable = !readOnly && !!current && EDITABLE.includes(current.status);
    const creatable = !readOnly && !current && prospect.stage === 'offer_formation';
    const revisable = !readOnly && !!current && ['approved', 'changes_requested'].includes(current.status);
    const defensible = !readOnly && current?.status === 'approved' && prospect.stage === 'offer_defence';
    body = (
      <Stack>
        {current ? (
          <Group justify="space-between" wrap="wrap">
            <Group gap="xs">
              <Title order={3} size="h5">
                {t('version', { n: current.number })}
              </Title>
              <Badge color={statusColor[current.status] ?? 'gray.7'} variant="filled" data-testid="offer-status">
                {t(`status.${current.status}`)}
              </Badge>
            </Group>
            <Group gap="xs">
              {!readOnly && (current.status === 'draft' || current.status === 'rejected') ? (
                <Button loading={submitWrite.isPending} onClick={() => submitWrite.mutate(current)}>
                  {t('submit')}
                </Button>
              ) : null}
              {revisable ? (
                <Button variant="default" loading={reviseWrite.isPending} onClick={() => reviseWrite.mutate(current)}>
                  {t('revise')}
                </Button>
              ) : null}
            </Group>
          </Group>
        ) : null}
        {submitWrite.apiError ? <FormError error={submitWrite.apiError} /> : null}
        {reviseWrite.apiError ? <FormError error={reviseWrite.apiError} /> : null}
        {current?.decisionComment ? <Text size="sm">{t('decision', { comment: current.decisionComment })}</Text> : null}
        {current?.status === 'pending_approval' && !readOnly ? (
          <Text size="sm" c="gray.7">
            {t('pendingHint')}
          </Text>
        ) : null}
        {current ? <OfferSummary offer={current} brief={brief.data} /> : null}
        {(editable || creatable) && brief.data ? (
          <>
            <Divider />
            <OfferForm
              key={`${current?.id ?? 'new'}-${current?.version ?? 0}`}
              prospectId={id}
              offer={current}
              brief={brief.data}
            />
          </>
        ) : null}
        {current ? <Defences prospectId={id} offer={current} /> : null}
        {defensible && current ? (
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="defence-title">
            <Title order={3} size="h5" id="defence-title">
              {t('defence.title')}
            </Title>
            <Text size="sm" c="gray.7" mb="sm">
              {t('defence.intro')}
            </Text>
            <DefenceForm prospectId={id} offer={current} contacts={contacts.data ?? []} />
          </Paper>
        ) : null}
        {list.length > 1 ? (
          <Stack gap={4}>
            <Title order={3} size="h5">
              {t('versions')}
            </Title>
            {list.map((o) => (
              <Group key={o.id} gap="xs">
                <Text size="sm">{t('version', { n: o.number })}</Text>
                <Badge size="sm" variant="filled" color={statusColor[o.status] ?? 'gray.7'}>
                  {t(`status.${o.status}`)}
                </Badge>
                <Text size="sm">{f.money(o.totalMinor, o.currency)}</Text>
                <Text size="xs" c="gray.7">
                  {f.dateTime(o.createdAt)}
                </Text>
              </Group>
            ))}
          </Stack>
        ) : null}
      </Stack>
    );
  }

  return (
    <Paper component="section" aria-labelledby="offer-title" withBorder p="md" radius="md">
      <Title order={2} size="h4" id="offer-title">
        {t('title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('intro')}
      </Text>
      {body}
    </Paper>
  );
}
