/** One entry of the administration's section list: its path under /admin and its label key (namespace admin). */
export interface AdminSection {
  path: string;
  label: string;
}
