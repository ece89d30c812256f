import dayjs from 'dayjs';

/** Mantine's picker value ('YYYY-MM-DD HH:mm:ss', local time) as an ISO instant for the API. */
export function pickerToIso(value: string | null): string | null {
  if (!value) return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.toDate().toISOString() : null;
}

/** Now, as the picker's value. */
export function nowForPicker(): string {
  return dayjs().second(0).format('YYYY-MM-DD HH:mm:ss');
}
