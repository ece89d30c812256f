import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the console never answers: the API and the probes stay the API's, even when they do not exist. */
const NOT_CONSOLE = /^\/(api|health|metrics)(\/|$)/;

/**
 * Serves the built console (Vite output) at `/`, same origin as `/api`: hashed assets cached for a year, and
 * `index.html` for every other GET that asks for a page (the single-page app routes itself).
 */
export function mountConsole(app: NestExpressApplication, dir: string): void {
  const server = app.getHttpAdapter().getInstance() as express.Application;
  const index = join(dir, 'index.html');
  server.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  server.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(req.path)) return next();
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The web console is not built. Run `npm run build` (npm start does it), then reload.');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
