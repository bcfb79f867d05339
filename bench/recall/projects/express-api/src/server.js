import express from 'express';
import { users } from './routes/users.js';

const app = express();
app.use(express.json());

app.use((req, res, next) => {
  const ip = req.get('x-real-ip'); // expect: fn/prefer-ip-address
  fetch('https://logs.example.com/access', { method: 'POST', body: JSON.stringify({ ip, path: req.path }) }); // expect: fn/no-floating-background-promise
  next();
});

app.get('/health', (req, res) => res.send('ok'));

app.post('/webhooks/github', async (req, res) => {
  fetch(process.env.DEPLOY_HOOK_URL, { method: 'POST' }); // expect: fn/no-floating-background-promise
  res.sendStatus(202);
});

app.use('/users', users);

app.listen(Number(process.env.PORT ?? 3000));
