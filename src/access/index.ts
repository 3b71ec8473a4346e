// Public surface of access control: roles, permissions, users and tokens.
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
  type NewUser,
  TooManyAttemptsError,
  type UserView,
  validateNewUser,
} from "./service.js";
