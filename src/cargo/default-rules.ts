// The goods rules Limes ships with: one per risk indicator of issue 17, in the common rule language over
// the goods fact set (src/rules/goods.ts). An agency replaces them with its own (CargoConfig.rules). Each
// fires on a published category, never on a threshold fitted to data.
import type { GoodsRule } from "../rules/index.js";

const REVIEW = "2027-12-31";

const rule = (
  id: string,
  name: string,
  justification: string,
  priority: GoodsRule["priority"],
  condition: GoodsRule["condition"],
): GoodsRule => ({
  id,
  version: 1,
  name,
  justification,
  reviewDate: REVIEW,
  priority,
  action: "refer",
  condition,
});

export const DEFAULT_GOODS_RULES: readonly GoodsRule[] = [
  rule(
    "goods-arms-explosives",
    "Arms, ammunition or explosives",
    "HS chapters 93 and 36 need a licence check at every crossing (UN Firearms Protocol, national law).",
    "high",
    { field: "goods.sensitiveChapter", op: "eq", value: true },
  ),
  rule(
    "goods-precursor-dual-use",
    "Drug precursor or dual-use goods",
    "Scheduled precursors (Reg. 273/2004, 111/2005) and dual-use items (Reg. 2021/821) need an authorisation.",
    "high",
    {
      any: [
        { field: "goods.precursor", op: "eq", value: true },
        { field: "goods.dualUse", op: "eq", value: true },
      ],
    },
  ),
  rule(
    "goods-description-contradicts-code",
    "Description contradicts the declared HS code",
    "A description naming arms, explosives or precursors under another code is a classic misdeclaration.",
    "standard",
    { field: "goods.descriptionContradictsCode", op: "eq", value: true },
  ),
  rule(
    "goods-unknown-code",
    "HS code not in the nomenclature",
    "A code that does not exist cannot be assessed; the declaration needs correcting.",
    "standard",
    { field: "goods.unknownHsCode", op: "eq", value: true },
  ),
  rule(
    "container-invalid",
    "Invalid container number",
    "A container number that fails ISO 6346 may be mistyped or forged; the seal and door need a look.",
    "standard",
    { field: "container.invalidCount", op: "gt", value: 0 },
  ),
  rule(
    "route-configured-transshipment",
    "Transshipment through a configured port",
    "The agency's risk analysis names ports where goods are re-routed to hide their origin.",
    "standard",
    { field: "route.configuredTransshipment", op: "eq", value: true },
  ),
  rule(
    "listed-party-or-vessel",
    "Listed party or vessel",
    "A sanctioned party or vessel makes the consignment subject to asset-freeze and licensing rules.",
    "immediate",
    {
      any: [
        { field: "party.listed", op: "eq", value: true },
        { field: "vessel.listed", op: "eq", value: true },
      ],
    },
  ),
];
