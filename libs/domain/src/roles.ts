/** The roles of the method (see DOMAIN.md). A user may hold several. Values are stored and sent on the wire: never rename. */
export enum Role {
  Owner = 'owner',
  SalesHead = 'sales_head',
  Salesperson = 'salesperson',
  Legal = 'legal',
  Accounting = 'accounting',
  Admin = 'admin',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
