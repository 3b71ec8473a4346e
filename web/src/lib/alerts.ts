// The alert API's shapes and fixed lists, taken from the generated contract (api-schema.ts), never copied.

import type { Schemas } from "./api";
import { adverseActionValues, alertStatusValues, outcomeValues, protectionKindValues } from "./api-schema";

export type Priority = Schemas["Priority"];
export type AlertSummary = Schemas["AlertSummary"];
export type Match = Schemas["Match"];
export type Entity = Schemas["Entity"];
export type DecisionView = Schemas["DecisionView"];
export type AdverseAction = Schemas["AdverseAction"];
export type AlertDetailView = Schemas["AlertDetail"];
/** The traveller on a person's alert; a goods alert carries its subject as declared instead. */
export type Traveller = Schemas["Traveller"];

export const ALERT_STATUSES = alertStatusValues;
export const OUTCOMES = outcomeValues;
export const ADVERSE_ACTIONS = adverseActionValues;
export const PROTECTION_KINDS = protectionKindValues;

export const isDecided = (status: string) => status !== "open" && status !== "in_review";
