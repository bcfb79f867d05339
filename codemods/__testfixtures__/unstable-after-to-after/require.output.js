const { NextResponse, after } = require('next/server');

async function POST() {
  after(() => {});
  require('next/server').after(() => {});
  return NextResponse.json({});
}

module.exports = { POST };
