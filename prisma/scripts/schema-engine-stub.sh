#!/bin/sh
# Stand-in for the Prisma schema engine on offline machines: `prisma generate` checks that the
# binary exists but never runs it. Any real use fails loudly.
echo "schema-engine stub: the real Prisma schema engine is not installed (offline machine)" >&2
exit 1
