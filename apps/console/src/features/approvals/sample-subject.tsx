import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../components/list-footer';
import { useProductLines } from '../samples/queries';
import { ScrollTable } from '../samples/scroll-table';
import { Fact } from './fact';
import { useNameOf } from './people';
import type { RequestDetail } from './queries';
import { sampleSnapshot } from './snapshots';

const PER_PAGE = 10;

/** A target sample as submitted: its rationale, segment, author and companies (a page at a time). */
export function SampleSubject({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('approvals');
  const nameOf = useNameOf();
  const lines = useProductLines();
  const sample = sampleSnapshot(request.snapshot);
  const [page, setPage] = useState(1);
  const companies = sample.companies ?? [];
  const pages = Math.max(1, Math.ceil(companies.length / PER_PAGE));
  const shown = companies.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const segment = lines.data?.items.find((l) => l.id === sample.productLineId)?.name ?? '…';
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('sample.title', { title: sample.title })}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <Fact label={t('sample.segment')}>{segment}</Fact>
        <Fact label={t('sample.author')}>{nameOf(sample.authorId)}</Fact>
      </SimpleGrid>
      <Fact label={t('sample.rationale')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {sample.rationale}
        </Text>
      </Fact>
      <Text size="sm" fw={600}>
        {t('sample.companies', { count: companies.length })}
      </Text>
      <ScrollTable minWidth={480} label={t('sample.tableLabel')}>
        <Table striped verticalSpacing="xs" aria-label={t('sample.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('sample.companyName')}</Table.Th>
              <Table.Th scope="col">{t('sample.taxId')}</Table.Th>
              <Table.Th scope="col">{t('sample.website')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.taxId ?? '—'}</Table.Td>
                <Table.Td>{c.website ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Pager total={pages} value={page} onChange={setPage} />
    </Stack>
  );
}
