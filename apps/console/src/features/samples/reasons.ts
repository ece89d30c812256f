import type { TFunction } from 'i18next';
import type { ReportReason } from './csv-import';

const KNOWN = ['name_required', 'tax_id_invalid', 'website_invalid', 'duplicate_in_file', 'duplicate_existing'];

/** A rejection reason in the reader's language, from the server's code and facts; the server's sentence otherwise. */
export function reasonText(
  t: TFunction<'samples'>,
  reason: ReportReason,
  company: { taxId: string; website: string },
): string {
  if (!KNOWN.includes(reason.code)) return reason.message;
  const match = reason.matchedBy ? t(`report.match.${reason.matchedBy as 'name'}`) : '';
  if (reason.code === 'duplicate_in_file' && reason.repeatsRow === undefined) return reason.message;
  return t(`report.reasons.${reason.code as 'name_required'}`, {
    value: reason.code === 'tax_id_invalid' ? company.taxId : company.website,
    row: reason.repeatsRow,
    match,
  });
}
