import { resolve } from 'node:path';
import { Transform } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ServiceEnv } from '@dealgate/common';

const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

export class GatewayEnv extends ServiceEnv {
  override PORT = 3000;
  /** The gateway is the one public origin. */
  override HOST = '0.0.0.0';

  @IsUrl(url)
  PROSPECTS_URL = 'http://127.0.0.1:3001';

  @IsUrl(url)
  APPROVALS_URL = 'http://127.0.0.1:3002';

  @IsUrl(url)
  CONTRACTS_URL = 'http://127.0.0.1:3003';

  @IsUrl(url)
  NOTIFICATIONS_URL = 'http://127.0.0.1:3004';

  /** The only origin browsers may call the API from; unset: the gateway's own origin (the console it serves). */
  @IsOptional()
  @IsUrl(url)
  CONSOLE_ORIGIN?: string;

  /** The built web console (`npm run build` writes it to dist/console); served at `/`. */
  @IsString()
  CONSOLE_DIR = resolve(process.cwd(), 'dist', 'console');

  /** What the admin's system page shows as the build (e.g. the commit or CI run); unset: none. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  BUILD_ID?: string;

  /** The first admin, created when no user exists yet (served mode). */
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(128)
  ADMIN_PASSWORD?: string;

  /**
   * Embedded mode: with no ADMIN_PASSWORD the gateway makes a random one for the first admin and writes it here
   * once (mode 600); `npm start` prints it and deletes the file.
   */
  @IsOptional()
  @IsString()
  ADMIN_PASSWORD_FILE?: string;

  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 600;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Attempts per minute for one (client address, e-mail) pair on login. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 5;

  /** Bearer token a Prometheus scraper sends for the gateway's `/metrics`; unset: not served on the public port. */
  @IsOptional()
  @IsString()
  @MinLength(24)
  METRICS_TOKEN?: string;

  /** Attempts per minute from one client address on login, whatever the e-mail (slows password spraying). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ADDRESS_RATE_LIMIT = 30;

  /** Requests per minute: per client address on the gateway's own endpoints, per user (or address) on forwarded ones. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  API_RATE_LIMIT = 1000;
}
