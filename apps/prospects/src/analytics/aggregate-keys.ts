/**
 * Key of a plan for all product lines together: a primary key cannot hold NULL, so the zero uuid stands for "none"
 * (the analytics aggregates' owner_key uses the same value for "no owner"); the API shows it as null.
 */
export const NO_PRODUCT_LINE_KEY = '00000000-0000-0000-0000-000000000000';
