import { Badge, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../components/states';
import { useFormat } from '../../i18n/format';
import { ScrollTable } from '../samples/scroll-table';
import { Fact } from './fact';
import { useNameOf } from './people';
import { RequestDetail, useBriefNeeds, useOfferVersions } from './queries';
import { OfferSnapshot, offerSnapshot } from './snapshots';
import { changedRows, termsRows } from './terms-diff';
import { TermsTable, useTermText } from './terms-table';

/** An offer as submitted: items beside the needs they answer, the needs left open, its terms, what changed. */
export function OfferSubject({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('approvals');
  const format = useFormat();
  const nameOf = useNameOf();
  const text = useTermText();
  const offer = offerSnapshot(request.snapshot);
  const { terms } = offer;
  const needsOf = (productId: string) => offer.needsAddressed.find((n) => n.productId === productId)?.needs ?? [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('offer.title', { n: offer.offerNumber, company: offer.companyName })}
      </Title>
      <ScrollTable minWidth={720} label={t('offer.items')}>
        <Table verticalSpacing="xs" aria-label={t('offer.items')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('offer.product')}</Table.Th>
              <Table.Th scope="col">{t('offer.description')}</Table.Th>
              <Table.Th scope="col">{t('offer.quantity')}</Table.Th>
              <Table.Th scope="col">{t('offer.unitPrice')}</Table.Th>
              <Table.Th scope="col">{t('offer.lineTotal')}</Table.Th>
              <Table.Th scope="col">{t('offer.needs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {terms.items.map((item) => (
              <Table.Tr key={item.productId}>
                <Table.Td>{item.productId}</Table.Td>
                <Table.Td>{item.description}</Table.Td>
                <Table.Td>{format.number(item.quantity)}</Table.Td>
                <Table.Td>{format.money(item.unitPriceMinor, item.currency)}</Table.Td>
                <Table.Td>{format.money(Math.round(item.unitPriceMinor * item.quantity), item.currency)}</Table.Td>
                <Table.Td>
                  {needsOf(item.productId).length > 0 ? (
                    needsOf(item.productId).join('; ')
                  ) : (
                    <Text size="sm" c="orange.9">
                      {t('offer.noNeed')}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Unaddressed offer={offer} />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Fact label={t('offer.total')}>{format.money(offer.totalMinor, offer.currency)}</Fact>
        <Fact label={t('offer.discount')}>{text({ kind: 'percent', value: terms.discountPercent })}</Fact>
        <Fact label={t('offer.payment')}>{text({ kind: 'days', value: terms.paymentDays })}</Fact>
        <Fact label={t('offer.delivery')}>
          {[
            terms.delivery.text,
            terms.delivery.days === null || terms.delivery.days === undefined
              ? null
              : text({ kind: 'days', value: terms.delivery.days }),
          ]
            .filter(Boolean)
            .join(', ')}
        </Fact>
        <Fact label={t('offer.validUntil')}>{format.date(terms.validUntil)}</Fact>
        <Fact label={t('offer.author')}>{nameOf(offer.authorId)}</Fact>
        <Fact label={t('offer.clauses')}>
          {terms.clauses.length > 0 ? (
            <Group gap={4}>
              {terms.clauses.map((c) => (
                <Badge key={c} variant="outline" color="gray" tt="none">
                  {c}
                </Badge>
              ))}
            </Group>
          ) : (
            t('offer.noClauses')
          )}
        </Fact>
      </SimpleGrid>
      <EarlierVersion offer={offer} />
    </Stack>
  );
}

/** The brief's needs no item answers (read from the prospect's brief). */
function Unaddressed({ offer }: { offer: OfferSnapshot }) {
  const { t } = useTranslation('approvals');
  const needs = useBriefNeeds(offer.prospectId);
  if (needs.isPending) return <Loading />;
  if (needs.isError || needs.data === null) return <Text size="sm">{t('offer.noBrief')}</Text>;
  const answered = new Set(offer.needsAddressed.flatMap((n) => n.needs));
  const open = needs.data.filter((n) => !answered.has(n.text));
  if (open.length === 0) {
    return (
      <Text size="sm" c="teal.9">
        {t('offer.allAddressed')}
      </Text>
    );
  }
  return (
    <div>
      <Text size="sm" fw={600} id={`unaddressed-${offer.offerNumber}`}>
        {t('offer.unaddressed')}
      </Text>
      <List size="sm" aria-labelledby={`unaddressed-${offer.offerNumber}`}>
        {open.map((n) => (
          <List.Item key={n.id}>{n.text}</List.Item>
        ))}
      </List>
    </div>
  );
}

/** What changed from the version before this one (the prospect's offers list holds every version). */
function EarlierVersion({ offer }: { offer: OfferSnapshot }) {
  const { t } = useTranslation('approvals');
  const versions = useOfferVersions(offer.prospectId);
  if (offer.offerNumber <= 1) return <Text size="sm">{t('offer.firstVersion')}</Text>;
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  const previous = versions.data.find((v) => v.number === offer.offerNumber - 1);
  if (!previous) return <Text size="sm">{t('offer.firstVersion')}</Text>;
  const rows = changedRows(termsRows(previous, offer.terms));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('offer.versions', { n: previous.number })}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm">{t('offer.noChanges', { n: previous.number })}</Text>
      ) : (
        <TermsTable
          rows={rows}
          label={t('offer.versions', { n: previous.number })}
          before={t('diff.beforeVersion', { n: previous.number })}
          after={t('diff.afterVersion', { n: offer.offerNumber })}
        />
      )}
    </Stack>
  );
}
