const { NextResponse, unstable_after } = require('next/server');

async function POST() {
  unstable_after(() => {});
  require('next/server').unstable_after(() => {});
  return NextResponse.json({});
}

module.exports = { POST };
