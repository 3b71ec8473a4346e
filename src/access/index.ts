// Public surface of access control: roles, permissions, users, passwords, tokens and login throttling.

export type { LoginActivity } from "./activity.js";
export { UI_LOCALES, type UiLocale } from "./locale.js";
export { commonPasswordCount, MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy.js";
export {
  can,
  isRole,
  PERMISSIONS,
  type Permission,
  type Principal,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from "./roles.js";
export {
  type AccessOptions,
  type AccessService,
  AuthError,
  createAccessService,
  type LoginResult,
  type NewUser,
  type Revocation,
  SecondFactorRequired,
  TooManyAttemptsError,
  type UsersPage,
  type UserView,
  validateNewUser,
} from "./service.js";
export { DEFAULT_THROTTLE, type ThrottlePolicy } from "./throttle.js";
