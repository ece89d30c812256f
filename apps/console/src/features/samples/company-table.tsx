import { ActionIcon, Anchor, Badge, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notify } from './notify';
import { ScrollTable } from './scroll-table';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { Empty } from '../../components/states';
import { localeOf, useFormat } from '../../i18n/format';
import { SortableTh } from '../../components/sortable-th';
import { Sort, useUrlSort } from '../../components/sort';
import { ListFooter } from '../../components/list-footer';
import { SampleCompany, SampleDetail, useRemoveCompany } from './queries';

const PER_PAGE = 25;
const COMPANY_SORT_FIELDS = ['name', 'taxId', 'website'] as const;
type CompanySortField = (typeof COMPANY_SORT_FIELDS)[number];

/**
 * The sample's companies in a chosen order. The sample answer carries all of them (the table pages them here), so
 * they are sorted here too, in the reader's alphabet; blanks last either way, the upload order breaks ties.
 */
export function sortCompanies(
  companies: readonly SampleCompany[],
  sort: Sort<CompanySortField> | undefined,
  language: string,
): SampleCompany[] {
  if (!sort) return [...companies];
  const collator = new Intl.Collator(localeOf(language), { sensitivity: 'base', numeric: true });
  const direction = sort.descending ? -1 : 1;
  return companies
    .map((company, index) => ({ company, index }))
    .sort((a, b) => {
      const x = a.company[sort.field] ?? '';
      const y = b.company[sort.field] ?? '';
      if (x === '' || y === '') return x === y ? a.index - b.index : x === '' ? 1 : -1;
      return collator.compare(x, y) * direction || a.index - b.index;
    })
    .map(({ company }) => company);
}

/** The sample's companies, a page at a time (page in the URL); a draft's can be removed one by one. */
export function CompanyTable({ sample }: { sample: SampleDetail }) {
  const { t } = useTranslation('samples');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const remove = useRemoveCompany(sample.id);
  const draft = sample.status === 'draft';
  // Without a chosen sort: the order they were added in (the server's order), which no header shows.
  const { sort, setSort } = useUrlSort<CompanySortField>(COMPANY_SORT_FIELDS, undefined, {
    key: 'companiesSort',
    pageKey: 'companies',
  });
  const pages = Math.max(1, Math.ceil(sample.companies.length / PER_PAGE));
  const page = Math.min(pages, Math.max(1, Number(params.get('companies')) || 1));
  const ordered = sortCompanies(sample.companies, sort, format.language);
  const shown = ordered.slice((page - 1) * PER_PAGE, page * PER_PAGE);
  const setPage = (value: number) => {
    const next = new URLSearchParams(params);
    if (value === 1) next.delete('companies');
    else next.set('companies', String(value));
    setParams(next, { replace: true });
  };

  const removeCompany = (id: string, name: string) => {
    remove.mutate(
      { companyId: id, version: sample.version },
      {
        onSuccess: () => notify('green', t('companies.removed', { name })),
        onError: (error) => notify('red', error instanceof ApiError ? error.message : String(error)),
      },
    );
  };

  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        {t('companies.heading', { count: sample.companies.length })}
      </Title>
      {sample.companies.length === 0 ? (
        <Empty title={t('companies.empty')} />
      ) : (
        <>
          <ScrollTable minWidth={560} label={t('companies.caption')}>
            <Table striped verticalSpacing="xs" aria-label={t('companies.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh field="name" sort={sort} onSort={setSort}>
                    {t('companies.name')}
                  </SortableTh>
                  <SortableTh field="taxId" sort={sort} onSort={setSort}>
                    {t('companies.taxId')}
                  </SortableTh>
                  <SortableTh field="website" sort={sort} onSort={setSort}>
                    {t('companies.website')}
                  </SortableTh>
                  {draft ? (
                    <Table.Th>
                      <VisuallyHidden>{t('companies.actions')}</VisuallyHidden>
                    </Table.Th>
                  ) : (
                    <Table.Th>{t('companies.state')}</Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((company) => (
                  <Table.Tr key={company.id}>
                    <Table.Td>{company.name}</Table.Td>
                    <Table.Td>{company.taxId ?? ''}</Table.Td>
                    <Table.Td>
                      {company.website ? (
                        <Anchor
                          href={/^https?:\/\//.test(company.website) ? company.website : `https://${company.website}`}
                          target="_blank"
                          rel="noreferrer noopener"
                          c="indigo.8"
                          size="sm"
                        >
                          {company.website}
                        </Anchor>
                      ) : null}
                    </Table.Td>
                    {draft ? (
                      <Table.Td ta="right">
                        <ActionIcon
                          variant="subtle"
                          color="red.8"
                          aria-label={t('companies.remove', { name: company.name })}
                          loading={remove.isPending && remove.variables?.companyId === company.id}
                          onClick={() => removeCompany(company.id, company.name)}
                        >
                          <span aria-hidden>✕</span>
                        </ActionIcon>
                      </Table.Td>
                    ) : (
                      <Table.Td>
                        {company.prospectId ? (
                          <Badge variant="dot" color="green" c="dark.9" radius="sm">
                            {t('companies.prospect')}
                          </Badge>
                        ) : company.skippedReason ? (
                          <Text size="sm" c="gray.7">
                            {t('companies.skipped', { reason: company.skippedReason })}
                          </Text>
                        ) : (
                          <Text size="sm" c="gray.7">
                            {t('companies.waiting')}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <ListFooter
            offset={(page - 1) * PER_PAGE}
            shown={shown.length}
            total={sample.companies.length}
            pages={pages}
            page={page}
            onChange={setPage}
          />
        </>
      )}
    </Stack>
  );
}
