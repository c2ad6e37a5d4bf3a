import { Router } from 'express';
import { solidColourPng } from './logo.ts';
import { homePage, legalPage } from './pages.ts';

const LOGO = solidColourPng(32, [0x2f, 0x6f, 0xeb]);

/** The small pages a plugin serves besides its API: home, health, logo, legal. */
export function siteRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.type('html').send(homePage());
  });
  router.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  router.get('/logo.png', (_req, res) => {
    res.type('image/png').send(LOGO);
  });
  router.get('/legal', (_req, res) => {
    res.type('html').send(legalPage());
  });
  return router;
}
