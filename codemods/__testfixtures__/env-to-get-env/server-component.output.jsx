import { getEnv } from '@vercel/functions';

export default function Footer() {
  return <footer>{getEnv().VERCEL_GIT_COMMIT_REF}</footer>;
}
