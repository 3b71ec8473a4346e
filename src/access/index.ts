// Public surface of access control: roles, permissions, users, passwords, tokens and login throttling.
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
export { commonPasswordCount, MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy.js";
export {
  type AccessOptions,
  type AccessService,
  AuthError,
  createAccessService,
  type LoginResult,
  type NewUser,
  SecondFactorRequired,
  TooManyAttemptsError,
  type UserView,
  type UsersPage,
  validateNewUser,
} from "./service.js";
export { type ThrottlePolicy, DEFAULT_THROTTLE } from "./throttle.js";
export type { LoginActivity } from "./activity.js";
