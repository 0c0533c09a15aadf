/**
 * Who may do what through `plan12b serve` (issue 13 item 2): a viewer reads the registry and the
 * reports; an operator also imports and closes; an admin also manages tokens and Board-set rates;
 * an auditor reads everything, the audit log included, and changes nothing.
 */
export const ROLES = ['viewer', 'operator', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** What a route needs: read the reports, read the audit log, import/close, or administer. */
export type Permission = 'read' | 'audit' | 'operate' | 'administer';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  operator: ['read', 'operate'],
  admin: ['read', 'operate', 'administer'],
  auditor: ['read', 'audit'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => GRANTS[r].includes(permission));
}

export function mayDo(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/** "an auditor token", "a viewer token": a role's token as a refusal names it. */
export function roleToken(role: string): string {
  return `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role} token`;
}

/** The actor an API request's changes are recorded under in the audit log. */
export function tokenActor(name: string, role: Role): string {
  return `token:${name} (${role})`;
}
