module.exports = function handler(req, res) {
  res.end(req.headers.get('x-real-ip'));
};
