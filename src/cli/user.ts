// `limes user create`: bootstraps users (the first admin, typically) on the database named by LIMES_DB.
import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { createAccessService, isRole, ROLES, type Role } from "../access/index.js";
import { migrate } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";
import { withDb } from "./db.js";

interface CreateOptions {
  username: string;
  role: string[];
  agency: string;
  crossingPoint?: string;
  password?: string;
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("user accounts");
  user
    .command("create")
    .description("create a user; without --password a random one is generated and printed once")
    .requiredOption("-u, --username <name>", "login name")
    .requiredOption(
      "-r, --role <role>",
      `role (repeatable): ${ROLES.join(", ")}`,
      (v: string, prev: string[]) => [...prev, v],
      [],
    )
    .requiredOption("-a, --agency <agency>", "agency the user belongs to; data is scoped to it")
    .option("-c, --crossing-point <id-or-code>", "crossing point of the agency the user works at")
    .option(
      "-p, --password <password>",
      "initial password (at least 12 characters); prefer the generated one",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  limes user create --username admin --role admin --agency border-police\n  limes user create -u officer7 -r first_line -r second_line -a border-police -c RS-HRG",
    )
    .action(async (opts: CreateOptions) => {
      const bad = opts.role.filter((r) => !isRole(r));
      if (bad.length)
        throw new InvalidError(
          `unknown role(s) ${bad.join(", ")}; roles: ${ROLES.join(", ")}`,
          undefined,
          "cli_unknown_roles",
          {
            roles: bad.join(", "),
            known: ROLES.join(", "),
          },
        );
      const password = opts.password ?? randomBytes(12).toString("base64url");
      const id = await withDb(async (db) => {
        // The first command on a new installation is often this one: the schema may not exist yet.
        await migrate(db);
        const { id } = await createAccessService(db).createUser("system", {
          username: opts.username,
          password,
          roles: opts.role as Role[],
          agency: opts.agency,
          ...(opts.crossingPoint ? { crossingPointId: opts.crossingPoint } : {}),
          // A generated password is passed on once and must be changed at the first login.
          oneTimePassword: !opts.password,
        });
        return id;
      });
      process.stdout.write(`created user ${opts.username} (${id}) with role(s) ${opts.role.join(", ")}\n`);
      if (!opts.password) process.stdout.write(`one-time password: ${password}\n`);
    });
  registerApiKeyCommand(user);
}

interface ApiKeyOptions {
  username: string;
  client: string;
  purpose: string;
  days: string;
}

/** `limes user apikey`: a key for a yente client or OpenRefine, acting as one user of one agency. */
function registerApiKeyCommand(user: Command): void {
  user
    .command("apikey")
    .description("create an API key for an analysts' tool (yente client, OpenRefine); printed once")
    .requiredOption("-u, --username <name>", "the user the key acts as (their roles and agency apply)")
    .requiredOption("--client <name>", "the tool or team the key is for, e.g. openrefine-fiu")
    .requiredOption("--purpose <text>", "why its queries process personal data (audited with each query)")
    .option("--days <n>", "days until the key expires (1-366)", "365")
    .addHelpText(
      "after",
      '\nExample:\n  limes user apikey -u analyst1 --client openrefine-fiu --purpose "sanctions due diligence of carriers"',
    )
    .action(async (opts: ApiKeyOptions) => {
      const created = await withDb(async (db) => {
        await migrate(db);
        return createAccessService(db).createClientKey({
          username: opts.username,
          client: opts.client,
          purpose: opts.purpose,
          expiresInDays: Number(opts.days),
        });
      });
      process.stdout.write(`API key for ${opts.client} as ${opts.username}, expires ${created.expiresAt}:\n`);
      process.stdout.write(`${created.key}\n`);
    });
}
