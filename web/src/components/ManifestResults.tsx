// A screened manifest: the conveyance and its route, the parser's warnings, then one row per person,
// refers on top, sortable by every column.
import { t } from "../i18n";
import type { Schemas } from "../lib/api";
import { type Column, DataTable } from "./DataTable";
import { ExportFile } from "./ExportFile";
import { Name } from "./Name";

export type ManifestAnswer = Schemas["ManifestReply"];

type Row = ManifestAnswer["results"][number] & { name: string; role: string };

// Built at render: the headers are in the language chosen since the module loaded.
const columns = (): Column<Row>[] => [
  {
    key: "decision",
    header: t.manifests.colResult,
    // Refers first when ascending: the order the second line works in.
    sortBy: (r) => (r.decision === "refer" ? 0 : 1),
    cell: (r) => (
      <span className={`badge badge-${r.decision}`}>
        {r.decision === "refer" ? t.manifests.refer : t.manifests.clear}
      </span>
    ),
  },
  { key: "line", header: t.manifests.colLine, sortBy: (r) => r.index, cell: (r) => r.index + 1 },
  { key: "name", header: t.manifests.colName, sortBy: (r) => r.name, cell: (r) => <Name>{r.name}</Name> },
  {
    key: "role",
    header: t.manifests.colRole,
    sortBy: (r) => r.role,
    cell: (r) => t.values.role[r.role] ?? r.role,
  },
  {
    key: "reference",
    header: t.manifests.colReference,
    className: "mono",
    sortBy: (r) => r.reference,
    cell: (r) => r.reference,
  },
];

function Conveyance({ answer }: { answer: ManifestAnswer }) {
  const m = answer.manifest;
  return (
    <dl className="facts card">
      <div>
        <dt>{t.manifests[m.kind]}</dt>
        <dd>{[m.carrier, m.number].filter(Boolean).join(" ") || "—"}</dd>
      </div>
      <div>
        <dt>{t.manifests.route}</dt>
        <dd>
          {m.legs
            .map((l) => [l.departure?.location, l.arrival?.location].filter(Boolean).join(" → "))
            .join("; ") || "—"}
        </dd>
      </div>
      <div>
        <dt>{t.manifests.listType}</dt>
        <dd>{t.manifests[m.listType]}</dd>
      </div>
      <div>
        <dt>{t.manifests.results}</dt>
        <dd>{t.manifests.summary(answer.summary.persons, answer.summary.refer, m.declaredCount)}</dd>
      </div>
    </dl>
  );
}

export function ManifestResults({ answer }: { answer: ManifestAnswer }) {
  const m = answer.manifest;
  const rows: Row[] = answer.results.map((r) => {
    const p = m.persons.find((x) => x.index === r.index);
    return { ...r, name: p ? `${p.surname}, ${p.givenNames}` : "", role: p?.role ?? "" };
  });
  return (
    <>
      <Conveyance answer={answer} />
      <ExportFile
        path={`/manifests/${encodeURIComponent(answer.id)}/export`}
        fallbackName="manifest.csv"
        label={t.exports.manifest}
      />
      {m.warnings.length > 0 && (
        <div className="warnings" role="note">
          <h2>{t.manifests.warnings}</h2>
          <ul>
            {m.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <DataTable
        caption={t.manifests.results}
        showCaption
        columns={columns()}
        rows={rows}
        rowKey={(r) => r.index}
        rowClassName={(r) => (r.decision === "refer" ? "row-refer" : undefined)}
        initialSort={{ column: "decision", dir: "ascending" }}
      />
    </>
  );
}
