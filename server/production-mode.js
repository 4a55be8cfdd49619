// Loaded with `node --import` before anything else, so React, Express and Remix all see the mode
// when they first read it (the env schema's default alone comes too late). `npm run dev` sets
// NODE_ENV=development itself; an explicit value always wins.
process.env.NODE_ENV ??= "production";
