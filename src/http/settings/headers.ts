/**
 * Headers for every HTML page of installing and administering, on top of the
 * global helmet defaults: a strict Content-Security-Policy (no script at all,
 * styles only from our own stylesheet, forms post only to us, never framed),
 * no caching of pages that carry settings or a CSRF token, and no Referer, so
 * a settings link's token cannot leak to another site.
 */
import type { NextFunction, Request, Response } from 'express';

export const PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function pageHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Content-Security-Policy', PAGE_CSP);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

export function sendPage(res: Response, status: number, body: string): void {
  res.status(status).type('text/html; charset=utf-8').send(body);
}
