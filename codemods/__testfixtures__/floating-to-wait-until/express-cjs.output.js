const express = require('express');
const { waitUntil } = require('@vercel/functions');

const app = express();

app.get('/ping', (req, res) => {
  waitUntil(fetch('https://example.com/ping'));
  res.send('pong');
});

app.listen(3000);
