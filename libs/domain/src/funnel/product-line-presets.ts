import { ProductLine } from './product-line';
import { Stage } from './stage';

// Each preset's stage limits add up to a total inside its expected cycle; defence and contract get the most time
// because that is where long deals wait on the customer's committees and lawyers.

export const SOFTWARE_PRODUCT_LINE: ProductLine = {
  code: 'software',
  name: 'Software',
  cycleDays: { min: 120, max: 150 },
  stageLimitDays: {
    [Stage.Sampling]: 14,
    [Stage.PrimaryContact]: 21,
    [Stage.NeedsIdentification]: 21,
    [Stage.OfferFormation]: 14,
    [Stage.OfferDefence]: 30,
    [Stage.Contract]: 30,
  },
};

export const INDUSTRIAL_EQUIPMENT_PRODUCT_LINE: ProductLine = {
  code: 'industrial_equipment',
  name: 'Industrial equipment',
  cycleDays: { min: 540, max: 730 },
  stageLimitDays: {
    [Stage.Sampling]: 30,
    [Stage.PrimaryContact]: 60,
    [Stage.NeedsIdentification]: 90,
    [Stage.OfferFormation]: 90,
    [Stage.OfferDefence]: 180,
    [Stage.Contract]: 180,
  },
};

export const PROFESSIONAL_SERVICES_PRODUCT_LINE: ProductLine = {
  code: 'professional_services',
  name: 'Professional services',
  cycleDays: { min: 60, max: 120 },
  stageLimitDays: {
    [Stage.Sampling]: 7,
    [Stage.PrimaryContact]: 14,
    [Stage.NeedsIdentification]: 14,
    [Stage.OfferFormation]: 14,
    [Stage.OfferDefence]: 21,
    [Stage.Contract]: 21,
  },
};

export const SUPPLIES_PRODUCT_LINE: ProductLine = {
  code: 'supplies',
  name: 'Supplies and consumables',
  cycleDays: { min: 30, max: 60 },
  stageLimitDays: {
    [Stage.Sampling]: 5,
    [Stage.PrimaryContact]: 10,
    [Stage.NeedsIdentification]: 7,
    [Stage.OfferFormation]: 5,
    [Stage.OfferDefence]: 10,
    [Stage.Contract]: 10,
  },
};

export const PRODUCT_LINE_PRESETS: readonly ProductLine[] = [
  SOFTWARE_PRODUCT_LINE,
  INDUSTRIAL_EQUIPMENT_PRODUCT_LINE,
  PROFESSIONAL_SERVICES_PRODUCT_LINE,
  SUPPLIES_PRODUCT_LINE,
];
