import { Router } from 'express';
import { analytics } from '../services/analytics.js';
import { sendWelcome } from '../services/mailer.js';

export const users = Router();

users.post('/', async (req, res) => {
  const { email } = req.body;
  sendWelcome(email).catch(console.error); // expect: fn/no-floating-background-promise
  analytics.track('user.created', { email }); // expect: fn/no-floating-background-promise
  res.status(201).json({ email });
});

users.post('/invite', async (req, res, next) => {
  try {
    await sendWelcome(req.body.email); // expect-none
    await analytics.track('user.invited', { email: req.body.email }); // expect-none
    res.sendStatus(204);
  } catch (error) {
    next(error);
  }
});
