import React from "react";

export function Version() {
  const { VERCEL_GIT_COMMIT_SHA: sha, VERCEL_GIT_COMMIT_REF } = process.env;
  return <p title={VERCEL_GIT_COMMIT_REF}>{sha ?? process.env["CI"]}</p>;
}
