import { Role } from '@dealgate/domain';
import { callApi } from '@dealgate/testing';

export const ADMIN_EMAIL = 'first.admin@example.test';
export const ADMIN_PASSWORD = 'first-admin-Secret-42';
export const USER_PASSWORD = 'user-Secret-pass-77';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export async function login(baseUrl: string, email: string, password: string): Promise<TokenPair> {
  const answer = await callApi<TokenPair>(baseUrl, 'POST', '/api/auth/login', { body: { email, password } });
  if (answer.status !== 200) throw new Error(`login ${email}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * A fresh token for each: heading a unit moves the head into it, and a unit change revokes the tokens that still
 * claim the old one (#16).
 */
export async function logInAgain(baseUrl: string, ...people: { email: string; token: string }[]): Promise<void> {
  for (const person of people) person.token = (await login(baseUrl, person.email, USER_PASSWORD)).accessToken;
}

export interface CreatedUser {
  id: string;
  email: string;
  version: number;
  roles: Role[];
  unitId: string | null;
}

let counter = 0;

/** Creates a user through the admin API (so the directory events flow as in production). */
export async function createUser(
  baseUrl: string,
  adminToken: string,
  fields: { roles: Role[]; unitId?: string; groups?: string[]; leadOf?: string[]; email?: string },
): Promise<CreatedUser> {
  counter += 1;
  const email = fields.email ?? `user${counter}.${Date.now()}@example.test`;
  const answer = await callApi<CreatedUser>(baseUrl, 'POST', '/api/users', {
    token: adminToken,
    body: { email, name: `Test User ${counter}`, password: USER_PASSWORD, ...fields },
  });
  if (answer.status !== 201) throw new Error(`create user: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function createUnit(
  baseUrl: string,
  adminToken: string,
  name: string,
  headUserId?: string,
): Promise<{ id: string; version: number }> {
  const answer = await callApi<{ id: string; version: number }>(baseUrl, 'POST', '/api/units', {
    token: adminToken,
    body: { name, headUserId },
  });
  if (answer.status !== 201) throw new Error(`create unit: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
