export default async function handler(req, res) {
  void fetch("https://example.com/ping");
  res.status(200).end();
}
