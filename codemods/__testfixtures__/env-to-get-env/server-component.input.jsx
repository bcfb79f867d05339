export default function Footer() {
  return <footer>{process.env.VERCEL_GIT_COMMIT_REF}</footer>;
}
