import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for rules with deadlines (SLAs, due dates, stage limits). Inject it instead of calling
 * `new Date()`, so tests move time by stubbing `now()` and never sleep.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
