import { useTranslation } from 'react-i18next';
import { useNameOf } from './people';
import type { Step } from './queries';

/** Who a step names: a person (resolved by the policy, e.g. the unit's head), or anyone holding a role. */
export function useApproverText() {
  const { t } = useTranslation('approvals');
  const { t: common } = useTranslation();
  const nameOf = useNameOf();
  return (approver: Step['approver'] | null): string => {
    if (!approver) return t('people.nobody');
    if (approver.userId) return nameOf(approver.userId);
    if (approver.role) return t('approver.role', { role: common(`roles.${approver.role}`) });
    return t('approver.unitHead');
  };
}
