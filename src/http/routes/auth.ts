// Sign in and out, change one's own password, enrol a second factor. Login is the only public call under
// /api/v1: it has its own limit per client address (so a flood of logins is refused before any database
// or password work, and cannot slow the rest), and the access service throttles per account and address.
import { Type } from "@sinclair/typebox";
import { ROLES, UI_LOCALES } from "../../access/index.js";
import type { AppDeps } from "../deps.js";
import { principalOf } from "../gate.js";
import { DEFAULT_LOGIN_PER_MINUTE, limitPerAddress } from "../rate-limit.js";
import { ErrorSchema, oneOf } from "../schemas.js";
import type { RouteApp, RoutePlugin } from "../type-provider.js";

const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    code: Type.Optional(Type.String({ pattern: "^[0-9]{6}$", description: "TOTP code, when enrolled" })),
  },
  { additionalProperties: false },
);

const Restricted = Type.Optional(
  Type.Union([Type.Literal("password_change"), Type.Literal("totp_enrolment")], {
    description: "what this session must do before anything else",
  }),
);

const User = Type.Object({
  username: Type.String(),
  roles: Type.Array(oneOf(ROLES)),
  agency: Type.String(),
  crossingPointId: Type.Optional(Type.String()),
  restricted: Restricted,
  locale: Type.Optional(Type.String({ description: "the UI language the user chose" })),
});
const LocaleBody = Type.Object({ locale: oneOf(UI_LOCALES) }, { additionalProperties: false });

const LoginReply = Type.Object({ token: Type.String(), expiresAt: Type.String(), user: User });

const PasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

const CodeBody = Type.Object(
  { code: Type.String({ pattern: "^[0-9]{6}$" }) },
  { additionalProperties: false },
);

const userOf = (p: ReturnType<typeof principalOf>) => ({
  username: p.username,
  roles: p.roles,
  agency: p.agency,
  ...(p.crossingPointId ? { crossingPointId: p.crossingPointId } : {}),
  ...(p.restricted ? { restricted: p.restricted } : {}),
  ...(p.locale ? { locale: p.locale } : {}),
});

const replies = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema };

type Deps = Pick<AppDeps, "access" | "rateLimit">;

function loginRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/auth/login",
    {
      config: {
        public: true,
        ...limitPerAddress(deps.rateLimit?.loginPerMinute ?? DEFAULT_LOGIN_PER_MINUTE),
      },
      schema: {
        tags: ["auth"],
        summary: "exchange a username and password (and a TOTP code when enrolled) for a session token",
        security: [],
        body: LoginBody,
        response: { 200: LoginReply, 400: ErrorSchema, 401: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req) => {
      const { body } = req;
      const { token, expiresAt, principal } = await deps.access.login(body.username, body.password, {
        ip: req.ip,
        ...(body.code ? { code: body.code } : {}),
      });
      return { token, expiresAt, user: userOf(principal) };
    },
  );
}

function meRoute(app: RouteApp): void {
  app.get(
    "/auth/me",
    {
      config: { anyUser: true, whileRestricted: true },
      schema: {
        tags: ["auth"],
        summary: "who this token signs in: lets a client restore its session from the token alone",
        response: { 200: Type.Object({ user: User }), 401: ErrorSchema },
      },
    },
    async (req) => ({ user: userOf(principalOf(req)) }),
  );
}

function logoutRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/auth/logout",
    {
      config: { anyUser: true, whileRestricted: true },
      schema: {
        tags: ["auth"],
        summary: "revoke the token of this request",
        response: { 204: Type.Null(), 401: ErrorSchema },
      },
    },
    async (req, reply) => {
      await deps.access.logout(principalOf(req));
      return reply.code(204).send();
    },
  );
}

function localeRoute(app: RouteApp, deps: Deps): void {
  app.put(
    "/auth/locale",
    {
      config: { anyUser: true, whileRestricted: true },
      schema: {
        tags: ["auth"],
        summary: "remember the UI language chosen at sign-in",
        body: LocaleBody,
        response: { 204: Type.Null(), ...replies },
      },
    },
    async (req, reply) => {
      await deps.access.setOwnLocale(principalOf(req), req.body.locale);
      return reply.code(204).send();
    },
  );
}

function passwordRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/auth/password",
    {
      config: { anyUser: true, whileRestricted: true },
      schema: {
        tags: ["auth"],
        summary: "change one's own password; the user's other tokens are revoked",
        body: PasswordBody,
        response: { 204: Type.Null(), ...replies, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      await deps.access.changeOwnPassword(principalOf(req), req.body);
      return reply.code(204).send();
    },
  );
}

function totpRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/auth/totp",
    {
      config: { anyUser: true, whileRestricted: true },
      schema: {
        tags: ["auth"],
        summary: "start enrolling a TOTP second factor: a secret to put in an authenticator app",
        response: {
          201: Type.Object({ secret: Type.String(), uri: Type.String({ description: "otpauth:// URI" }) }),
          ...replies,
          409: ErrorSchema,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await deps.access.startTotpEnrolment(principalOf(req))),
  );
}

function totpConfirmRoute(app: RouteApp, deps: Deps): void {
  app.post(
    "/auth/totp/confirm",
    {
      config: { anyUser: true, whileRestricted: true },
      schema: {
        tags: ["auth"],
        summary: "confirm the enrolment with a first code; logins need a code from then on",
        body: CodeBody,
        response: { 204: Type.Null(), ...replies, 409: ErrorSchema, 422: ErrorSchema },
      },
    },
    async (req, reply) => {
      await deps.access.confirmTotpEnrolment(principalOf(req), req.body.code);
      return reply.code(204).send();
    },
  );
}

export const authRoutes =
  (deps: Deps): RoutePlugin =>
  async (app) => {
    loginRoute(app, deps);
    meRoute(app);
    logoutRoute(app, deps);
    localeRoute(app, deps);
    passwordRoute(app, deps);
    totpRoute(app, deps);
    totpConfirmRoute(app, deps);
  };
