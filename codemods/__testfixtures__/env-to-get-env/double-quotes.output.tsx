import React from "react";
import { getEnv } from "@vercel/functions";

export function Version() {
  const { VERCEL_GIT_COMMIT_SHA: sha, VERCEL_GIT_COMMIT_REF } = getEnv();
  return <p title={VERCEL_GIT_COMMIT_REF}>{sha ?? getEnv().CI}</p>;
}
