const express = require('express');

const app = express();

app.get('/ping', (req, res) => {
  fetch('https://example.com/ping');
  res.send('pong');
});

app.listen(3000);
