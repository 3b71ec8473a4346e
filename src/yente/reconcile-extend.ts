// The reconciliation API's other services: data extension (fetch FtM properties of reconciled entities),
// entity, property and type suggest, and the HTML preview. Reads of listed entities are audited with the
// caller's purpose, like any read of personal data.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { type Entity, getEntities, searchEntities } from "../watchlists/index.js";
import { datasetLists } from "./catalog.js";
import { entityToFtm } from "./ftm.js";
import { purposeOf } from "./match.js";
import { RECONCILE_TYPES } from "./reconcile.js";

/** The FtM properties Limes fills (ftm.ts `entityToFtm`), offered for data extension. */
export const EXTEND_PROPERTIES = [
  { id: "name", name: "Name" },
  { id: "alias", name: "Alias" },
  { id: "weakAlias", name: "Weak alias" },
  { id: "firstName", name: "First name" },
  { id: "lastName", name: "Last name" },
  { id: "birthDate", name: "Birth date" },
  { id: "birthPlace", name: "Place of birth" },
  { id: "gender", name: "Gender" },
  { id: "nationality", name: "Nationality" },
  { id: "country", name: "Country" },
  { id: "passportNumber", name: "Passport number" },
  { id: "idNumber", name: "ID number" },
  { id: "registrationNumber", name: "Registration number" },
  { id: "program", name: "Programme" },
  { id: "notes", name: "Notes" },
] as const;

const MAX_IDS = 100;

async function audited(
  db: Db,
  p: Principal,
  action: string,
  ids: string[],
  given: string | undefined,
  now: Date,
) {
  if (!can(p, "screening:read_details")) throw new ForbiddenError("this role sees no list details");
  const purpose = purposeOf(p, given);
  await db.kysely.transaction().execute((trx) =>
    appendAudit(
      trx,
      {
        actor: p,
        action,
        objectType: "entity",
        ...(ids.length === 1 ? { objectId: ids[0]! } : {}),
        purpose,
        outcome: "success",
        details: { ids: ids.slice(0, MAX_IDS), ...(p.client ? { client: p.client.name } : {}) },
      },
      now,
    ),
  );
}

export function proposeProperties(type: string) {
  return { type, properties: EXTEND_PROPERTIES.map((x) => ({ ...x })) };
}

const startsWith = (prefix: string) => (x: { id: string; name: string }) =>
  x.name.toLowerCase().startsWith(prefix.toLowerCase()) ||
  x.id.toLowerCase().startsWith(prefix.toLowerCase());

export const suggestProperty = (prefix: string) => ({
  result: EXTEND_PROPERTIES.filter(startsWith(prefix)).map((x) => ({ ...x })),
});

export const suggestType = (prefix: string) => ({
  result: RECONCILE_TYPES.map((t) => ({ id: t, name: t })).filter(startsWith(prefix)),
});

export async function extend(
  db: Db,
  p: Principal,
  input: { ids: string[]; properties: { id: string }[] },
  given: string | undefined,
  now: Date,
) {
  if (input.ids.length > MAX_IDS) throw new InvalidError(`ids: at most ${MAX_IDS}`);
  const known = new Set<string>(EXTEND_PROPERTIES.map((x) => x.id));
  const unknown = input.properties.find((x) => !known.has(x.id));
  if (unknown)
    throw new InvalidError(`properties: "${unknown.id}" cannot be fetched`, { properties: [...known] });
  await audited(db, p, "entity.read", input.ids, given, now);
  const entities = await getEntities(db, input.ids);
  const rows: Record<string, Record<string, { str: string }[]>> = {};
  for (const id of input.ids) {
    const e = entities.get(id);
    const props = e ? entityToFtm(e).properties : {};
    rows[id] = Object.fromEntries(
      input.properties.map(({ id: pid }) => [pid, (props[pid] ?? []).map((str) => ({ str }))]),
    );
  }
  const meta = input.properties.map(({ id }) => ({
    id,
    name: EXTEND_PROPERTIES.find((x) => x.id === id)!.name,
  }));
  return { meta, rows };
}

export async function suggestEntity(
  db: Db,
  p: Principal,
  dataset: string,
  prefix: string,
  given: string | undefined,
  now: Date,
) {
  if (prefix.trim().length < 2) return { result: [] };
  const found: Entity[] = [];
  for (const list of await datasetLists(db, dataset))
    found.push(...(await searchEntities(db, list, prefix.trim(), 10)));
  const shown = found.slice(0, 10);
  await audited(
    db,
    p,
    "entity.search",
    shown.map((e) => e.id),
    given,
    now,
  );
  return { result: shown.map((e) => ({ id: e.id, name: e.name, description: e.list })) };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A small HTML card of one entity; names keep their own direction (`bdi`). */
export async function preview(db: Db, p: Principal, id: string, given: string | undefined, now: Date) {
  await audited(db, p, "entity.read", [id], given, now);
  const e = (await getEntities(db, [id])).get(id);
  if (!e) return `<!doctype html><meta charset="utf-8"><p>No entity ${escapeHtml(id)}.</p>`;
  const ftm = entityToFtm(e);
  const rows = Object.entries(ftm.properties)
    .map(
      ([k, vs]) =>
        `<tr><th>${escapeHtml(k)}</th><td>${vs.map((v) => `<bdi>${escapeHtml(v)}</bdi>`).join(", ")}</td></tr>`,
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><title>${escapeHtml(e.name)}</title><h1 style="font:600 16px sans-serif"><bdi>${escapeHtml(e.name)}</bdi></h1><p style="font:12px sans-serif">${escapeHtml(ftm.schema)} · ${escapeHtml(e.list)} ${escapeHtml(e.sourceRef)}</p><table style="font:12px sans-serif">${rows}</table>`;
}
